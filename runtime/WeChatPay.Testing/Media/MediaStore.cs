using System.Collections.Concurrent;

namespace WeChatPay.Testing.Media;

/// <summary>The files merchants uploaded, by merchant and <c>media_id</c>. Thread-safe.</summary>
internal sealed class MediaStore
{
    private readonly ConcurrentDictionary<(string MerchantId, string MediaId), MediaFile> _files = new();

    public void Add(MediaFile file) => _files[(file.MerchantId, file.MediaId)] = file;

    public MediaFile? Find(string merchantId, string mediaId) => _files.GetValueOrDefault((merchantId, mediaId));
}
