namespace PrivacyHoldout113.Media;

public sealed record ViewingRow(Guid ProfileId, string ProfileName, string TitleId, DateTimeOffset WatchedAt, int Minutes, string DeviceId);

/// <summary>Builds the portability export a subscriber asks for from their account page: profiles, viewing history, devices.</summary>
public sealed class SubscriberDataExportService(
    ISubjectDataCollector collector,
    IRequesterMailer mailer,
    ILogger<SubscriberDataExportService> logger,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly MdauditRequestDurationHistogram _duration = meter.CreateMdauditRequestDurationHistogram();
    private readonly Counter<long> _exports = meter.CreateCounter<long>("mdaudit.exports");

    public async Task ExportAsync(SubjectRequest request, IReadOnlyList<ViewingRow> history, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartMdauditRequest(request.RequestId.ToString(), "portability");
        span.SetMdauditSubjectId(pseudonymizer.PseudonymizeMdauditSubjectId(request.SubjectKey)); // clean generated-api
        span.SetMdauditSubjectId(Pseudonym.FromComputed(request.SubjectKey)); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag("mdaudit.history.rows", history.Count); // clean precision-about
        span.Activity?.SetTag("mdaudit.profiles", history.Select(h => h.ProfileId).Distinct().Count()); // clean precision-about
        span.Activity?.SetTag("mdaudit.profile.names", string.Join(",", history.Select(h => h.ProfileName).Distinct())); // leak TC1001 strings

        var json = JsonSerializer.Serialize(history);
        logger.LogDebug("Export body is {Bytes} bytes", Encoding.UTF8.GetByteCount(json)); // clean precision-about
        logger.LogTrace("Export body {Body}", json[..Math.Min(json.Length, 512)]); // leak TC1001 strings

        var package = await collector.CollectAsync(request, cancellationToken);
        logger.LogInformation("Package {PackageId} with {Files} files expires {ExpiresAt}", package.PackageId, package.Files, package.ExpiresAt); // clean precision-names
        await mailer.SendAsync(request.ContactEmail, "export-ready", new Dictionary<string, string> { ["package"] = package.PackageId }, cancellationToken);
        logger.LogInformation("Export link mailed to {Email}", request.ContactEmail); // leak TC1001 direct

        var devices = history.Select(h => h.DeviceId).Distinct().ToList();
        span.Activity?.SetTag("mdaudit.devices", devices.Count); // clean precision-about
        span.Activity?.SetTag("mdaudit.first.device", devices.FirstOrDefault()); // leak TC1001 direct
        _exports.Add(1, new KeyValuePair<string, object?>("mdaudit.channel", request.Channel)); // clean precision-names
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "portability", "fulfilled"); // clean generated-api
    }
}
