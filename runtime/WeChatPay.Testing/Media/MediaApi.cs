using System.Security.Cryptography;
using System.Text.Json;
using WeChatPay.Testing.Crypto;
using WeChatPay.Testing.Gateway;

namespace WeChatPay.Testing.Media;

/// <summary>
/// The upload endpoints (图片上传, 视频上传, 营销图片上传, 商户上传反馈图片) and 图片请求, with the gateway's checks: a
/// <c>multipart/form-data</c> body whose <c>meta</c> part (already verified against the signature) is
/// <c>{"filename","sha256"}</c>, a <c>file</c> part whose SHA-256 is that digest, the endpoint's file types (by
/// the name's extension and, for images, by the bytes) and size limit. Each failure is <c>400 PARAM_ERROR</c>.
/// </summary>
internal sealed class MediaApi(MediaStore store)
{
    private const long TwoMiB = 2 * 1024 * 1024;
    private const long FiveMiB = 5 * 1024 * 1024;
    private static readonly string[] ImageTypes = [".jpg", ".jpeg", ".png", ".bmp"];
    private static readonly string[] VideoTypes = [".avi", ".wmv", ".mpeg", ".mp4", ".mov", ".mkv", ".flv", ".f4v", ".m4v", ".rmvb"];

    public void MapRoutes(Router router)
    {
        router.Map("POST", "v3/merchant/media/upload", context => Answer("media_id", Upload(context, ImageTypes, TwoMiB, "图片", complaintImage: false)));
        router.Map("POST", "v3/merchant/media/video_upload", context => Answer("media_id", Upload(context, VideoTypes, FiveMiB, "视频", complaintImage: false)));
        router.Map("POST", "v3/marketing/favor/media/image-upload", context =>
            Answer("media_url", "https://wxpaylogo.qpic.cn/wxpaylogo/" + Upload(context, ImageTypes, TwoMiB, "图片", complaintImage: false) + "/0"));
        router.Map("POST", "v3/merchant-service/images/upload", context => Answer("media_id", Upload(context, ImageTypes, TwoMiB, "图片", complaintImage: true)));
        router.Map("GET", "v3/merchant-service/images/{media_id}", Download);
    }

    private static ApiResult Answer(string name, string value) => ApiResult.Ok(SandboxJson.Write(w =>
    {
        w.WriteStartObject();
        w.WriteString(name, value);
        w.WriteEndObject();
    }));

    /// <summary>Checks and stores the upload; returns its new <c>media_id</c>.</summary>
    private string Upload(RouteContext context, string[] types, long maxBytes, string kind, bool complaintImage)
    {
        var form = MultipartForm.Read(context.Request);
        var meta = JsonBody.ParseObject(form.Meta ?? throw SandboxError.ParamError("缺少meta参数 (the form has no meta part)", "meta", "required", "body"));
        var fileName = JsonBody.RequiredString(meta, "filename");
        if (fileName.Length > 128)
            throw SandboxError.ParamError("filename长度不能超过128个字符 (filename is longer than 128 characters)", "/filename", "at most 128 characters", value: fileName);
        var digest = JsonBody.RequiredString(meta, "sha256");
        var file = form.File ?? throw SandboxError.ParamError("缺少file参数 (the form has no file part)", "file", "required", "body");
        if (file.Length == 0)
            throw SandboxError.ParamError("上传的文件为空 (the file is empty)", "file", "must not be empty", "body");
        if (!string.Equals(Convert.ToHexString(SHA256.HashData(file)), digest, StringComparison.OrdinalIgnoreCase))
            throw SandboxError.ParamError("文件的sha256与meta中的sha256不一致 (the file's SHA-256 does not match meta.sha256)", "/sha256",
                "does not match the SHA-256 of the file part", value: digest);
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (Array.IndexOf(types, extension) < 0)
            throw SandboxError.ParamError($"{kind}格式不支持，仅支持{string.Join("、", types)} (unsupported file type)", "/filename",
                "must end in " + string.Join(", ", types), value: fileName);
        if (file.Length > maxBytes)
            throw SandboxError.ParamError($"{kind}大小不能超过{maxBytes / (1024 * 1024)}M (the file is larger than {maxBytes} bytes)", "file",
                $"at most {maxBytes} bytes", "body", file.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var contentType = ImageType(file);
        if (types == ImageTypes && contentType is null)
            throw SandboxError.ParamError("图片内容不是JPG、PNG或BMP (the file is not a JPG, PNG or BMP image)", "file", "the bytes are not a JPG, PNG or BMP image", "body");

        var mediaId = SandboxRandom.Alphanumeric(24) + "-" + SandboxRandom.Alphanumeric(40);
        store.Add(new MediaFile(context.Merchant.MerchantId, mediaId, fileName, contentType ?? "application/octet-stream", file, complaintImage));
        return mediaId;
    }

    /// <summary>The image's content type by its first bytes (JPEG, PNG, BMP), or null.</summary>
    private static string? ImageType(ReadOnlySpan<byte> file) =>
        file.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : file.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']) ? "image/png"
        : file.StartsWith("BM"u8) ? "image/bmp"
        : null;

    /// <summary>图片请求: a complaint image of this merchant, its bytes unsigned, as WeChat Pay answers them.</summary>
    private ApiResult Download(RouteContext context)
    {
        var file = store.Find(context.Merchant.MerchantId, context.Path("media_id"));
        if (file is not { ComplaintImage: true })
            throw SandboxError.NotExists("图片不存在，请检查media_id (no such image)");
        return new ApiResult(200, file.Bytes, Unsigned: true, ContentType: file.ContentType);
    }
}
