namespace PrivacyHoldout184.Media;

/// <summary>A subscriber's request to remove a lost or stolen device and get a letter for their insurer.</summary>
public sealed record RemoveDeviceRequest(string SubscriberId, string Email, string DeviceId, string DeviceName, string Reason, bool InsuranceLetter);

/// <summary>The streaming service's lost device desk: the device is signed out, its id put on the blocking list and a letter sent to the subscriber.</summary>
public static partial class DeviceRemovalEndpoints
{
    private static readonly ActivitySource Source = new("Streaming.DeviceRemoval");
    private static readonly Meter Meter = new("Streaming.DeviceRemoval");
    private static readonly Counter<long> Removals = Meter.CreateCounter<long>("streamdevices.removals");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/devices/remove", RemoveAsync);

    private static async Task<object> RemoveAsync(RemoveDeviceRequest request, IBlockingList blockingList, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<RemoveDeviceRequest> logger, PropertyOptions options)
    {
        var removal = new DeviceRemoval(Guid.NewGuid().ToString("N"), request.SubscriberId, request.DeviceId, request.DeviceName, request.Reason);
        using var span = Source.StartStreamdevicesOperation(options.Desk);
        span.SetStreamdevicesOwnerId(pseudonymizer.PseudonymizeStreamdevicesOwnerId(request.SubscriberId)); // clean precision-pseudonym
        span.SetStreamdevicesItemCategory("tablet"); // clean precision-names
        span.SetStreamdevicesNote(request.DeviceName); // leak TC1001 generated-api
        span.SetStreamdevicesNote($"reason {request.Reason}, letter {request.InsuranceLetter}"); // clean generated-api
        span.Activity?.SetTag(StreamdevicesAttributes.Contact, pseudonymizer.ComputeStreamdevicesOwnerId(request.Email)); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag("streamdevices.case.id", removal.CaseId); // clean direct
        span.Activity?.SetTag("streamdevices.device.id", removal.DeviceId); // leak TC1001 direct
        span.Activity?.SetTag("streamdevices.device.name", removal.DeviceName); // leak TC1001 direct
        span.Activity?.SetTag("streamdevices.device.name_length", removal.DeviceName.Length); // clean precision-about
        span.Activity?.SetTag("streamdevices.subscriber.id", removal.SubscriberId); // leak TC1001 direct
        span.Activity?.SetTag("streamdevices.subscriber_plan", "premium"); // clean precision-names
        span.Activity?.SetTag("streamdevices.letter_template_id", "insurer-letter-3"); // clean precision-names
        span.Activity?.SetTag("streamdevices.email_domain", request.Email[(request.Email.IndexOf('@') + 1)..]); // clean precision-about
        span.Activity?.SetBaggage("subscriber.id", request.SubscriberId); // leak TC1001 direct
        span.Activity?.SetBaggage("streamdevices.case", removal.CaseId); // clean direct

        logger.LogInformation("Device removal {@Removal}", removal); // leak TC1001 logging-objects
        logger.LogInformation("Device removal {Removal}", removal with { SubscriberId = "", DeviceId = "", DeviceName = "" }); // clean logging-objects
        logger.LogInformation("Device removal {Removal}", removal with { DeviceName = "[removed]" }); // leak TC1001 logging-objects
        DeviceRemoved(logger, removal.CaseId, request.DeviceId, request.SubscriberId); // clean logging-objects
        LetterSent(logger, removal.CaseId, request.Email); // leak TC1001 logging-objects
        var message = new StringBuilder("Removed ").Append(request.DeviceName).Append(" for case ").Append(removal.CaseId).ToString();
        logger.LogInformation(message); // leak TC1001 strings
        var summary = new StringBuilder("Removed device for case ").Append(removal.CaseId).Append(" reason ").Append(request.Reason).ToString();
        logger.LogInformation(summary); // clean strings

        var deviceShard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.DeviceId))[0] % 32;
        Removals.Add(1, new KeyValuePair<string, object?>("shard", deviceShard)); // clean hashes
        Removals.Add(1, new KeyValuePair<string, object?>("device", request.DeviceId)); // leak TC1003 direct
        Removals.Add(1, new KeyValuePair<string, object?>("reason", request.Reason)); // clean direct
        span.Activity?.SetTag("streamdevices.device.key", BitConverter.ToString(SHA1.HashData(Encoding.UTF8.GetBytes(request.DeviceId)))); // leak TC1002 hashes

        try
        {
            await blockingList.BlockAsync(new BlockRequest(removal.CaseId, request.DeviceId, "drm", request.Reason));
        }
        catch (BlockingListUnavailableException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogStreamdevicesOperationFailedEvent(options.Desk, "drm-down", streamdevicesNote: $"case {removal.CaseId}"); // clean generated-api
        }
        catch (OwnerNotFoundException ex)
        {
            logger.LogError(ex, "No subscriber for case {CaseId}", removal.CaseId); // leak TC1001 exceptions
            logger.LogStreamdevicesOperationFailedEvent(options.Desk, "no-subscriber", streamdevicesNote: request.Email); // leak TC1001 generated-api
        }

        return new { removal.CaseId };
    }

    [LoggerMessage(EventId = 4501, Level = LogLevel.Information, Message = "Case {CaseId} removed device {DeviceId} of {SubscriberId}")]
    private static partial void DeviceRemoved(ILogger logger, string caseId, [PrivateData] string deviceId, [PrivateData] string subscriberId);

    [LoggerMessage(EventId = 4502, Level = LogLevel.Information, Message = "Case {CaseId} insurer letter sent to {Email}")]
    private static partial void LetterSent(ILogger logger, string caseId, string email);
}
