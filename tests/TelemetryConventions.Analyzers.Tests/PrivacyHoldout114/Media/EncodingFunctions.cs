namespace PrivacyHoldout114.Media;

public sealed record EncodeJob(string AssetId, string TitleId, string Rendition, string SourcePath);

public sealed record RenditionResult(string Rendition, long Bytes, double Seconds);

/// <summary>The encoding function app (an app of its own, apart from subscriptions): studio masters land in blob storage (masters/{titleId}/{file}); a Durable orchestration fans out renditions.</summary>
public sealed class EncodingFunctions(ILogger<EncodingFunctions> logger)
{
    private static readonly ActivitySource Source = new("Streaming.Encoding.Functions");
    private static readonly Meter Meter = new("Streaming.Encoding.Functions");
    private static readonly EncodefnInvocationsCounter Invocations = Meter.CreateEncodefnInvocationsCounter();
    private static readonly EncodefnDurationHistogram Duration = Meter.CreateEncodefnDurationHistogram();

    [Function("MasterUploaded")]
    public async Task MasterUploaded(
        [BlobTrigger("masters/{titleId}/{fileName}", Connection = "StudioStorage")] Stream master,
        string titleId,
        string fileName,
        [DurableClient] DurableTaskClient client,
        FunctionContext context)
    {
        using var span = Source.StartEncodefnInvoke("MasterUploaded", "blob");
        span.SetEncodefnTitle(titleId).SetEncodefnNote($"masters/{titleId}/{fileName}"); // clean generated-api
        var instanceId = await client.ScheduleNewOrchestrationInstanceAsync("EncodeTitle", new EncodeJob(Guid.NewGuid().ToString("N"), titleId, "all", $"masters/{titleId}/{fileName}"), new StartOrchestrationOptions($"encode-{titleId}"));
        logger.LogInformation("Encoding {InstanceId} started for {Bytes} bytes", instanceId, master.Length); // clean precision-names
        using var scope = logger.BeginScope(context.BindingContext.BindingData); // clean logging-objects
        logger.LogInformation("Master accepted"); // clean precision-about
    }

    [Function("EncodeTitle")]
    public async Task EncodeTitle([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        var log = context.CreateReplaySafeLogger("EncodeTitle");
        var job = context.GetInput<EncodeJob>()!;
        var renditions = new[] { "2160p", "1080p", "720p", "audio-en" };
        var results = await Task.WhenAll(renditions.Select(r => context.CallActivityAsync<RenditionResult>("EncodeRendition", job with { Rendition = r })));
        log.LogInformation("Encoded {InstanceId}: {Results}", context.InstanceId, results); // clean logging-objects
        log.LogInformation("Encoded {Count} renditions, {Bytes} bytes in all", results.Length, results.Sum(r => r.Bytes)); // clean precision-about
    }

    [Function("EncodeRendition")]
    public RenditionResult EncodeRendition([ActivityTrigger] EncodeJob job, FunctionContext context)
    {
        using var span = Source.StartEncodefnInvoke("EncodeRendition", "activity");
        span.SetEncodefnTitle(job.TitleId).SetEncodefnInstanceId(job.AssetId); // clean generated-api
        logger.LogInformation("Encoding {@Job}", job); // clean logging-objects
        Invocations.Add(1, "EncodeRendition", "activity", job.Rendition); // clean generated-api
        Duration.Record(42.0, "EncodeRendition", "activity"); // clean generated-api
        return new RenditionResult(job.Rendition, 1_000_000, 42.0);
    }
}
