namespace PrivacyHoldout81.Education;

/// <summary>
/// Screens attachments of admissions mail before caseworkers open them: a virus scan per part, a size
/// limit per mailbox, and the quarantine for anything that fails.
/// </summary>
public sealed class AdmissionsAttachmentScreening(
    IAttachmentScanner scanner,
    IQuarantineStore quarantine,
    Meter meter,
    ILogger<AdmissionsAttachmentScreening> logger)
{
    private const long MailboxLimitBytes = 20 * 1024 * 1024;

    private readonly Counter<long> _held = meter.CreateCounter<long>("admitinbox.quarantined");

    public async Task<bool> ScreenAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        var sender = message.From.Mailboxes.First();
        try
        {
            foreach (var part in message.Attachments)
            {
                if (part.Length > MailboxLimitBytes)
                {
                    throw new AttachmentTooLargeException(part.Length, MailboxLimitBytes);
                }

                var result = await scanner.ScanAsync(part, cancellationToken);
                logger.LogDebug("Scanned {ContentType}: {@Scan}", part.ContentType.MimeType, result); // clean logging-objects
                activity?.SetTag("scan.engine", result.Engine);
                if (result.Verdict == ScanVerdict.Infected)
                {
                    throw new VirusDetectedException(result.SignatureName ?? "unknown", part.FileName ?? "(unnamed)");
                }
            }

            return true;
        }
        catch (AttachmentTooLargeException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning(ex, "Oversized attachment on {MessageId}", message.MessageId); // clean exceptions
            _held.Add(1, new KeyValuePair<string, object?>("reason", "size"));
        }
        catch (VirusDetectedException ex)
        {
            logger.LogError(ex, "Infected attachment"); // leak TC1001 exceptions
            activity?.SetTag("scan.signature", ex.Signature); // clean precision-about
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            _held.Add(1, new KeyValuePair<string, object?>("sender", sender.Address)); // leak TC1003 direct
        }

        var entry = await quarantine.HoldAsync(message, "attachment", cancellationToken);
        logger.LogWarning("Held in quarantine: {Entry}", entry); // leak TC1001 logging-objects
        logger.LogWarning("Quarantine {QuarantineId} since {HeldAt:u}", entry.QuarantineId, entry.HeldAt); // clean precision-about
        logger.LogAdmitinboxMessageQuarantinedEvent(message.MessageId, "virus_or_size", admitinboxNote: $"held for {sender.Name}"); // leak TC1001 generated-api
        return false;
    }
}
