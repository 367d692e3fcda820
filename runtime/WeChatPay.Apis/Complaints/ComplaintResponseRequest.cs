namespace WeChatPay.Apis.Complaints;

/// <summary>The merchant's answer to the user (回复用户).</summary>
public sealed class ComplaintResponseRequest
{
    /// <summary>The merchant complained about, as the complaint names it (<c>complainted_mchid</c>).</summary>
    public required string ComplaintedMchid { get; set; }

    /// <summary>The answer, at most 200 characters (<c>response_content</c>).</summary>
    public required string ResponseContent { get; set; }

    /// <summary>Up to 4 images, each a <c>media_id</c> from <c>UploadComplaintImageAsync</c> (<c>response_images</c>).</summary>
    public List<string>? ResponseImages { get; set; }

    /// <summary>An https link shown with the answer, at most 512 characters (<c>jump_url</c>).</summary>
    public string? JumpUrl { get; set; }

    /// <summary>The link's text, at most 10 characters; required with <see cref="JumpUrl"/> (<c>jump_url_text</c>).</summary>
    public string? JumpUrlText { get; set; }

    /// <summary>A mini program page shown with the answer (<c>mini_program_jump_info</c>).</summary>
    public MiniProgramJumpInfo? MiniProgramJumpInfo { get; set; }
}

/// <summary>A mini program page an answer links to (<c>mini_program_jump_info</c>).</summary>
public sealed class MiniProgramJumpInfo
{
    /// <summary>The mini program's AppID (<c>appid</c>).</summary>
    public required string Appid { get; set; }

    /// <summary>The page path, at most 512 characters (<c>path</c>).</summary>
    public required string Path { get; set; }

    /// <summary>The link's text, at most 10 characters (<c>text</c>).</summary>
    public required string Text { get; set; }
}
