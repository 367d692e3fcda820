using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using WeChatPay.Apis.Complaints;
using WeChatPay.Apis.Media;
using WeChatPay.Apis.Tests.Complaints;

namespace WeChatPay.Apis.Tests.Media;

/// <summary>
/// 图片上传, 视频上传, 营销图片上传 and 商户上传反馈图片 through the catalog's wrappers, sync and async, against the sandbox
/// over a real socket; the wrappers' limits checked before sending, and the sandbox's checks of the form.
/// </summary>
public sealed class MediaUploadTests(ComplaintsServer server) : IClassFixture<ComplaintsServer>, IDisposable
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];
    private static readonly byte[] Video = Encoding.ASCII.GetBytes("....ftypisom sandbox video");

    private readonly ComplaintsSandbox _s = new(server);

    public void Dispose() => _s.Dispose();

    private static async Task<WeChatPayApiException> Refused(Func<Task> call, string field)
    {
        var refused = await Assert.ThrowsAsync<WeChatPayApiException>(call);
        Assert.Equal((HttpStatusCode.BadRequest, "PARAM_ERROR", field), (refused.StatusCode, refused.Code, refused.Detail?.Field));
        return refused;
    }

    [Fact]
    public async Task Image_video_and_marketing_image_uploads_answer_their_ids_sync_and_async()
    {
        var client = _s.Client;

        Assert.False(string.IsNullOrEmpty((await client.UploadImageAsync("photo.jpg", ComplaintsSandbox.Jpeg)).Value.MediaId));
        Assert.False(string.IsNullOrEmpty(client.UploadImage("photo.png", Png).Value.MediaId));
        Assert.False(string.IsNullOrEmpty((await client.UploadVideoAsync("clip.mp4", Video)).Value.MediaId));
        Assert.False(string.IsNullOrEmpty(client.UploadVideo("clip.mov", Video).Value.MediaId));
        var marketing = await client.UploadMarketingImageAsync("logo.png", Png);
        Assert.StartsWith("https://wxpaylogo.qpic.cn/", marketing.Value.MediaUrl);
        Assert.Null(marketing.Value.MediaId);
        Assert.StartsWith("https://", client.UploadMarketingImage("logo.bmp", new byte[] { (byte)'B', (byte)'M', 0, 0 }).Value.MediaUrl);
        Assert.False(string.IsNullOrEmpty(client.UploadComplaintImage("evidence.jpg", ComplaintsSandbox.Jpeg).Value.MediaId));
    }

    [Theory]
    [InlineData("photo.gif")]
    [InlineData("photo")]
    public async Task Image_of_another_type_is_refused_before_sending(string fileName)
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => _s.Client.UploadImageAsync(fileName, ComplaintsSandbox.Jpeg));

        Assert.Equal("fileName", refused.ParamName);
    }

    [Fact]
    public void Image_over_2_MiB_is_refused_before_sending()
    {
        var file = new byte[2 * 1024 * 1024 + 1];

        Assert.Equal("file", Assert.Throws<ArgumentException>(() => _s.Client.UploadImage("big.jpg", file)).ParamName);
        Assert.Equal("file", Assert.Throws<ArgumentException>(() => _s.Client.UploadMarketingImage("big.png", file)).ParamName);
        Assert.Equal("file", Assert.Throws<ArgumentException>(() => _s.Client.UploadComplaintImage("big.bmp", file)).ParamName);
    }

    [Fact]
    public async Task Video_over_5_MiB_or_of_another_type_is_refused_before_sending()
    {
        Assert.Equal("file", (await Assert.ThrowsAsync<ArgumentException>(() => _s.Client.UploadVideoAsync("big.mp4", new byte[5 * 1024 * 1024 + 1]))).ParamName);
        Assert.Equal("fileName", Assert.Throws<ArgumentException>(() => _s.Client.UploadVideo("clip.webm", Video)).ParamName);
        Assert.Equal("fileName", Assert.Throws<ArgumentException>(() => _s.Client.UploadMarketingImage("logo.gif", Png)).ParamName);
    }

    [Fact]
    public void Exactly_the_limit_is_accepted()
    {
        var file = new byte[2 * 1024 * 1024];
        ComplaintsSandbox.Jpeg.CopyTo(file, 0);

        Assert.False(string.IsNullOrEmpty(_s.Client.UploadImage("limit.jpg", file).Value.MediaId));
    }

    // ---- the sandbox's own checks, reached past the wrappers -----------------------------------------------------

    [Fact]
    public async Task Upload_whose_sha256_does_not_match_the_file_is_refused()
    {
        var meta = Encoding.UTF8.GetBytes($"{{\"filename\":\"photo.jpg\",\"sha256\":\"{Convert.ToHexStringLower(SHA256.HashData("another file"u8))}\"}}");

        await Refused(() => _s.Client.SendAsync(Form(MediaUploads.ImagePath, meta, ComplaintsSandbox.Jpeg, "photo.jpg")), "/sha256");
    }

    [Fact]
    public async Task Upload_whose_sent_meta_differs_from_the_signed_meta_fails_the_signature()
    {
        var signed = Meta("photo.jpg", ComplaintsSandbox.Jpeg);
        var sent = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(signed).Replace("photo.jpg", "other.jpg", StringComparison.Ordinal));

        var refused = await Assert.ThrowsAsync<WeChatPayApiException>(() => _s.Client.SendAsync(Form(MediaUploads.ImagePath, signed, ComplaintsSandbox.Jpeg, "photo.jpg", sentMeta: sent)));

        Assert.Equal((HttpStatusCode.Unauthorized, "SIGN_ERROR"), (refused.StatusCode, refused.Code));
    }

    [Fact]
    public async Task Upload_of_another_type_is_refused_by_the_sandbox()
        => await Refused(() => _s.Client.UploadMediaAsync(MediaUploads.ImagePath, "photo.gif", ComplaintsSandbox.Jpeg), "/filename");

    [Fact]
    public async Task Image_whose_bytes_are_not_an_image_is_refused_by_the_sandbox()
        => await Refused(() => _s.Client.UploadMediaAsync(MediaUploads.ImagePath, "photo.jpg", "not an image"u8.ToArray()), "file");

    [Fact]
    public async Task Image_over_2_MiB_is_refused_by_the_sandbox()
    {
        var file = new byte[2 * 1024 * 1024 + 1];
        ComplaintsSandbox.Jpeg.CopyTo(file, 0);

        await Refused(() => _s.Client.UploadMediaAsync(ComplaintImages.UploadPath, "big.jpg", file), "file");
    }

    [Fact]
    public async Task Video_over_5_MiB_is_refused_by_the_sandbox()
        => await Refused(() => _s.Client.UploadMediaAsync(MediaUploads.VideoPath, "big.mp4", new byte[5 * 1024 * 1024 + 1]), "file");

    [Fact]
    public async Task Upload_that_is_not_a_form_is_refused()
    {
        var refused = await Assert.ThrowsAsync<WeChatPayApiException>(() => _s.Client.SendAsync(new WeChatPayRequest(HttpMethod.Post, MediaUploads.ImagePath)
        {
            Body = "{}"u8.ToArray(),
            ContentType = "application/json",
        }));

        Assert.Equal(("PARAM_ERROR", "Content-Type", "header"), (refused.Code, refused.Detail?.Field, refused.Detail?.Location));
    }

    [Fact]
    public async Task Upload_without_a_file_part_is_refused()
    {
        var meta = Meta("photo.jpg", ComplaintsSandbox.Jpeg);

        await Refused(() => _s.Client.SendAsync(Form(MediaUploads.MarketingImagePath, meta, null, "photo.jpg")), "file");
    }

    [Fact]
    public async Task Upload_whose_file_name_is_over_128_characters_is_refused()
        => await Refused(() => _s.Client.UploadMediaAsync(MediaUploads.ImagePath, new string('a', 125) + ".jpg", ComplaintsSandbox.Jpeg), "/filename");

    private static byte[] Meta(string fileName, byte[] file)
        => Encoding.UTF8.GetBytes($"{{\"filename\":\"{fileName}\",\"sha256\":\"{Convert.ToHexStringLower(SHA256.HashData(file))}\"}}");

    /// <summary>A hand-made upload: the signature covers <paramref name="meta"/>; the form carries <paramref name="sentMeta"/> (the same by default).</summary>
    private static WeChatPayRequest Form(string path, byte[] meta, byte[]? file, string fileName, byte[]? sentMeta = null)
    {
        var metaPart = new ByteArrayContent(sentMeta ?? meta);
        metaPart.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        metaPart.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"meta\"" };
        var content = new MultipartFormDataContent { metaPart };
        if (file is not null)
        {
            var filePart = new ByteArrayContent(file);
            filePart.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            filePart.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileName = "\"" + fileName + "\"" };
            content.Add(filePart);
        }
        return new WeChatPayRequest(HttpMethod.Post, path) { Body = meta, ContentType = "application/json", Content = content };
    }
}
