namespace PrivacyHoldout81.Gaming;

/// <summary>
/// Abuse reports sent to appeals@ carry screenshots and exported chat logs. The chat log is the text of
/// the in-game chat with the players' gamertags and what they wrote; screenshots show names on screen.
/// </summary>
public sealed class AbuseReportAttachments(
    IAttachmentScanner scanner,
    Meter meter,
    ILogger<AbuseReportAttachments> logger)
{
    private readonly Counter<long> _parts = meter.CreateCounter<long>("questinbox.abuse.attachments");
    private static readonly Regex ReportedGamertag = new(@"report(?:ing)?\s+(?:player\s+)?(?<tag>[A-Za-z0-9_]{3,16})", RegexOptions.IgnoreCase);

    public async Task ProcessAsync(MimeMessage report, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("abuse.attachments", report.Attachments.Count); // clean precision-about
        var reported = ReportedGamertag.Match(report.Subject);
        if (reported.Success)
        {
            activity?.SetTag("abuse.reported_player", reported.Groups["tag"].Value); // leak TC1001 direct
            logger.LogInformation("Abuse report {MessageId} against {Gamertag}", report.MessageId, reported.Groups["tag"].Value); // leak TC1001 direct
        }

        foreach (var part in report.Attachments)
        {
            var scan = await scanner.ScanAsync(part, cancellationToken);
            _parts.Add(1, new TagList { { "content_type", part.ContentType.MimeType }, { "verdict", scan.Verdict.ToString() } }); // clean precision-about
            meter.CreateQuestinboxAttachmentSizeHistogram().Record(part.Length, part.ContentType.MimeType); // clean precision-about
            if (scan.Verdict != ScanVerdict.Clean)
            {
                logger.LogWarning("Attachment {Cid} not clean: {Verdict} {Signature} by {Engine}", part.ContentId, scan.Verdict, scan.SignatureName, scan.Engine); // clean precision-about
                continue;
            }

            if (part.ContentType.MimeType == "text/plain")
            {
                var chat = Encoding.UTF8.GetString(part.Content);
                var lines = chat.Split('\n', StringSplitOptions.RemoveEmptyEntries);
                activity?.SetTag("abuse.chat.lines", lines.Length); // clean precision-about
                activity?.AddEvent(new ActivityEvent("abuse.chat.first_line", tags: new ActivityTagsCollection { ["line"] = lines.FirstOrDefault() })); // leak TC1001 direct
                logger.LogDebug("Chat log excerpt: {Excerpt}", chat.Length > 200 ? chat[..200] : chat); // leak TC1001 strings
            }
            else
            {
                logger.LogDebug("Screenshot {FileName} {Bytes} bytes", Path.GetFileName(part.FileName), part.Length); // leak TC1001 direct
                activity?.SetTag("abuse.screenshot.extension", Path.GetExtension(part.FileName)); // clean precision-about
            }
        }
    }
}
