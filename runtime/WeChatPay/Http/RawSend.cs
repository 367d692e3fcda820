namespace WeChatPay;

/// <summary>Signs and sends one request and reads its answer, unverified: the seam the certificate downloader sends through.</summary>
internal delegate ValueTask<RawResponse> RawSend(WeChatPayRequest request, bool useAsync, CancellationToken cancellationToken);
