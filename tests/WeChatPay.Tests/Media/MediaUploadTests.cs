using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using WeChatPay.Tests.Interop;
using WeChatPay.Tests.Pipeline;
using WeChatPay.Tests.TestSupport;

namespace WeChatPay.Tests.Media;

/// <summary>Media upload: multipart/form-data with meta and file parts; the signature covers the meta JSON as sent.</summary>
public class MediaUploadTests
{
    private static readonly byte[] Image = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0x00, 0x01, 0xFF, 0xD9];

    [Theory]
    [InlineData(SignatureScheme.Rsa)]
    [InlineData(SignatureScheme.ShangMi)]
    public async Task Upload_sends_meta_and_file_parts_and_signs_the_meta_json_as_sent(SignatureScheme scheme)
    {
        var id = TestIdentities.For(scheme);
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{\"media_id\":\"H1ihR9h1uNhr2V1_4KtP6e7M6WgbDUtB-2KIVSiMzqQ\"}"));
        using var client = Gateway.Client(wire, id, time);

        var result = await client.UploadMediaAsync("v3/merchant/media/upload", "photo.jpg", Image);

        Assert.Equal("H1ihR9h1uNhr2V1_4KtP6e7M6WgbDUtB-2KIVSiMzqQ", result.Value.MediaId);
        var sent = Assert.Single(wire.Requests);
        var contentType = MediaTypeHeaderValue.Parse(sent.ContentType!);
        Assert.Equal("multipart/form-data", contentType.MediaType);
        var boundary = contentType.Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');

        var parts = SplitMultipart(sent.Body, boundary);
        Assert.Equal(2, parts.Count);
        var (metaHeaders, metaBytes) = parts[0];
        var (fileHeaders, fileBytes) = parts[1];
        Assert.Contains("name=\"meta\"", metaHeaders);
        Assert.Contains("Content-Type: application/json", metaHeaders);
        Assert.Contains("name=\"file\"", fileHeaders);
        Assert.Contains("filename=\"photo.jpg\"", fileHeaders);
        Assert.DoesNotContain("filename*", fileHeaders);
        Assert.Contains("Content-Type: image/jpeg", fileHeaders);
        Assert.Equal(Image, fileBytes);

        using var meta = JsonDocument.Parse(metaBytes);
        Assert.Equal("photo.jpg", meta.RootElement.GetProperty("filename").GetString());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Image)).ToLowerInvariant(), meta.RootElement.GetProperty("sha256").GetString());

        // The signed body is the meta part's bytes, exactly as they went out.
        Assert.True(RequestSignatureInteropTests.OpenSslVerifies(id, sent, metaBytes));
    }

    [Theory]
    [InlineData("a.png", "image/png")]
    [InlineData("a.BMP", "image/bmp")]
    [InlineData("clip.mp4", "video/mp4")]
    [InlineData("a.jpeg", "image/jpeg")]
    [InlineData("noext", "application/octet-stream")]
    public void File_part_content_type_follows_the_extension(string fileName, string contentType)
        => Assert.Equal(contentType, WeChatPayClient.MediaContentType(fileName));

    [Fact]
    public void Sync_upload_works_too()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{\"media_id\":\"M-1\"}"));
        using var client = Gateway.Client(wire, id, time);

        Assert.Equal("M-1", client.UploadMedia("v3/merchant/media/upload", "x.png", Image).Value.MediaId);
    }

    [Fact]
    public async Task Marketing_upload_response_carries_its_media_url()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{\"media_url\":\"https://wxpaylogo.qpic.cn/wxpaylogo/x/0\"}"));
        using var client = Gateway.Client(wire, id, time);

        var result = await client.UploadMediaAsync("v3/marketing/favor/media/image-upload", "logo.png", Image);

        Assert.Equal((null, "https://wxpaylogo.qpic.cn/wxpaylogo/x/0"), (result.Value.MediaId, result.Value.MediaUrl));
    }

    [Fact]
    public async Task Upload_response_without_media_id_or_media_url_is_an_error()
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{}"));
        using var client = Gateway.Client(wire, id, time);

        await Assert.ThrowsAsync<WeChatPayException>(() => client.UploadMediaAsync("v3/merchant/media/upload", "x.png", Image));
    }

    [Theory]
    [InlineData("say \"cheese\".jpg", "say %22cheese%22.jpg")]
    [InlineData("two\r\nlines.jpg", "two%0D%0Alines.jpg")]
    [InlineData("bare\nfeed.jpg", "bare%0Afeed.jpg")]
    public async Task File_name_with_a_quote_or_line_break_is_escaped_in_the_file_part_and_kept_in_meta(string fileName, string onTheWire)
    {
        var id = TestIdentities.Rsa;
        var time = new ManualTimeProvider();
        var wire = new FakeWire(_ => Gateway.Signed(id, time.UnixSeconds, "{\"media_id\":\"m\"}"));
        using var client = Gateway.Client(wire, id, time);

        var result = await client.UploadMediaAsync("v3/merchant/media/upload", fileName, Image);

        Assert.Equal("m", result.Value.MediaId);
        var sent = Assert.Single(wire.Requests);
        var boundary = MediaTypeHeaderValue.Parse(sent.ContentType!).Parameters.Single(p => p.Name == "boundary").Value!.Trim('"');
        var parts = SplitMultipart(sent.Body, boundary);
        Assert.Equal(2, parts.Count);
        Assert.Contains($"filename=\"{onTheWire}\"", parts[1].Headers);
        using var meta = JsonDocument.Parse(parts[0].Content);
        Assert.Equal(fileName, meta.RootElement.GetProperty("filename").GetString());
    }

    private static List<(string Headers, byte[] Content)> SplitMultipart(byte[] body, string boundary)
    {
        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var parts = new List<(string, byte[])>();
        var positions = new List<int>();
        for (var i = body.AsSpan().IndexOf(delimiter); i >= 0;)
        {
            positions.Add(i);
            var next = body.AsSpan(i + delimiter.Length).IndexOf(delimiter);
            i = next < 0 ? -1 : i + delimiter.Length + next;
        }

        for (var p = 0; p + 1 < positions.Count; p++)
        {
            var start = positions[p] + delimiter.Length + 2; // past CRLF
            var end = positions[p + 1] - 2; // before CRLF
            var segment = body.AsSpan(start, end - start);
            var split = segment.IndexOf("\r\n\r\n"u8);
            parts.Add((Encoding.UTF8.GetString(segment[..split]), segment[(split + 4)..].ToArray()));
        }

        return parts;
    }
}
