namespace PrivacyHoldout79.Education;

/// <summary>
/// Processes the student app's "Send diagnostics" uploads: the app's on-device log, whose lines are
/// written by the app's code with what the student entered (search terms, the login they typed,
/// the text of a draft essay when the autosave fails).
/// </summary>
public sealed partial class ClientLogUploadWorker(
    IQueueReceiver<ClientLogUpload> uploads,
    ILogger<ClientLogUploadWorker> logger,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    Meter meter) : BackgroundService
{
    private readonly Counter<long> _lines = meter.CreateCounter<long>("campus.client_log.lines");
    private readonly ConcurrentDictionary<string, int> _uploadsPerInstall = new();

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Client error [{Tag}] at {At}: {Text}")]
    private static partial void LogClientError(ILogger logger, string tag, DateTimeOffset at, string text);

    [LoggerMessage(EventId = 5202, Level = LogLevel.Information, Message = "Upload {UploadId}: {Lines} lines, {Errors} errors, app {AppVersion}")]
    private static partial void LogUpload(ILogger logger, string uploadId, int lines, int errors, string appVersion);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var upload = await uploads.ReceiveAsync(stoppingToken);
            if (upload is null)
            {
                continue;
            }

            using var span = source.StartCampuspulseIngest(upload.UploadId);
            logger.LogInformation("Processing {Upload}", Describe(upload)); // leak TC1001 cross-member
            using var scope = logger.BeginScope("Upload {UploadId} from install {InstallId}", upload.UploadId, upload.Client.InstallId); // leak TC1001 direct
            var errors = upload.Lines.Where(l => l.Level is "E" or "F").ToList();
            LogUpload(logger, upload.UploadId, upload.Lines.Count, errors.Count, upload.Client.AppVersion); // clean precision-about

            foreach (var group in upload.Lines.GroupBy(l => l.Level))
            {
                _lines.Add(group.Count(), new KeyValuePair<string, object?>("level", group.Key), new("app_version", upload.Client.AppVersion)); // clean precision-about
            }

            foreach (var line in errors.Take(20))
            {
                LogClientError(logger, line.Tag, line.At, line.Text); // leak TC1001 direct
                span.Activity?.AddEvent(new ActivityEvent("client.log.error", tags: new ActivityTagsCollection { ["tag"] = line.Tag, ["length"] = line.Text.Length })); // clean precision-about
                span.Activity?.SetTag("client.log.digest", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(line.Text)))[..16]); // leak TC1002 hashes
            }

            span.SetCampuspulseNote(string.Join("\n", errors.Select(l => $"{l.Tag}: {l.Text}"))); // leak TC1001 generated-api
            span.SetCampuspulseNote($"{errors.Count} error lines of {upload.Lines.Count}, tags {string.Join(",", errors.Select(l => l.Tag).Distinct())}"); // clean precision-about

            if (upload.UserId is { } studentNumber)
            {
                span.SetCampuspulseUserId(pseudonymizer.PseudonymizeCampuspulseUserId(studentNumber)); // clean precision-pseudonym
                logger.LogInformation("Diagnostics uploaded by {Student}", studentNumber); // leak TC1001 direct
            }

            var count = _uploadsPerInstall.AddOrUpdate(upload.Client.InstallId, 1, (_, n) => n + 1);
            if (count > 5)
            {
                logger.LogWarning("Installations uploading too often: {Installs}", _uploadsPerInstall.Where(p => p.Value > 5).Select(p => p.Key).ToList()); // leak TC1001 logging-objects
                logger.LogWarning("{Count} installations uploading too often", _uploadsPerInstall.Count(p => p.Value > 5)); // clean precision-about
            }
        }
    }

    private static string Describe(ClientLogUpload upload) => $"upload {upload.UploadId} from installation {upload.Client.InstallId} ({upload.Client.DeviceModel})";
}
