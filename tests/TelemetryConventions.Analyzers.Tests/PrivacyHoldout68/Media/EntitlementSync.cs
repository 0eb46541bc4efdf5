using System.Text.Json;
using Azure.Messaging.ServiceBus;
using Azure.Security.KeyVault.Secrets;
using Azure.Storage.Blobs;

namespace PrivacyHoldout68.Media;

public sealed record EntitlementChanged(Guid SubscriberId, string Email, string Plan, string Territory, IReadOnlyList<string> ProfileNames);

/// <summary>
/// Publishes entitlement changes on the "entitlements" queue, in sessions keyed by subscriber id so the
/// player applies them in order, and stores the subscriber's offline-download manifest in Blob Storage.
/// The DRM licence server's key is kept in Key Vault as "drm-licence-key". A device id is "{class}-{serial}" of the subscriber's own device.
/// </summary>
public sealed class EntitlementSync(ServiceBusClient bus, BlobServiceClient blobs, SecretClient vault, Pseudonymizer pseudonymizer, ILogger<EntitlementSync> logger)
{
    private static readonly ActivitySource Source = new("Stream.Entitlements");
    private static readonly Meter EntitlementMeter = new("Stream.Entitlements");
    private static readonly LibraryDurationHistogram Duration = EntitlementMeter.CreateLibraryDurationHistogram();
    private readonly ServiceBusSender _sender = bus.CreateSender("entitlements");

    public async Task PublishAsync(EntitlementChanged change, CancellationToken ct)
    {
        var message = new ServiceBusMessage(JsonSerializer.Serialize(change))
        {
            SessionId = change.SubscriberId.ToString(),
            MessageId = Guid.NewGuid().ToString("N"),
            Subject = "entitlement.changed",
        };
        message.ApplicationProperties["plan"] = change.Plan;
        message.ApplicationProperties["territory"] = change.Territory;
        var started = Stopwatch.GetTimestamp();
        using var activity = Source.StartActivity("entitlements send", ActivityKind.Producer);
        try
        {
            await _sender.SendMessageAsync(message, ct);
            activity?.SetTag("messaging.message.id", message.MessageId); // clean precision-about
            logger.LogDebug("Entitlement message {Body} sent", message.Body); // leak TC1001 logging-objects
            activity?.SetTag("messaging.servicebus.session_id", message.SessionId); // leak TC1001 cross-member
            activity?.AddEvent(new ActivityEvent("entitlement.sent", tags: new ActivityTagsCollection { ["plan"] = change.Plan, ["profiles"] = change.ProfileNames.Count })); // clean precision-about
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, change.Plan, "sent"); // clean precision-about
        }
        catch (ServiceBusException ex) when (ex.IsTransient)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWarning("Entitlement for {Email} not sent: {Reason}", change.Email, ex.Reason); // leak TC1001 direct
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, change.Plan, ex.Reason.ToString());
            throw;
        }
    }

    public async Task<Uri> StoreManifestAsync(Guid subscriberId, string deviceId, IReadOnlyList<string> titleIds, CancellationToken ct)
    {
        var container = blobs.GetBlobContainerClient("offline-manifests");
        var blob = container.GetBlobClient($"{subscriberId:N}/{deviceId}.json");
        Activity.Current?.SetTag("az.storage.account", blobs.AccountName); // clean precision-names
        Activity.Current?.SetTag("manifest.titles", titleIds.Count); // clean precision-about
        logger.LogInformation("Manifest written to {Path}", $"{container.Name}/{blob.Name}"); // leak TC1001 strings
        logger.LogInformation("Manifest written to {Container} for a {DeviceClass}", container.Name, deviceId.Split('-')[0]); // clean precision-about
        var licenceKey = await vault.GetSecretAsync("drm-licence-key", cancellationToken: ct);
        logger.LogDebug("DRM key {Name} version {Version}, ref {SubscriberRef}", licenceKey.Value.Name, licenceKey.Value.Properties.Version, pseudonymizer.ComputeLibrarySubscriberId(subscriberId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag(LibraryAttributes.SubscriberContact, pseudonymizer.ComputeLibrarySubscriberId(subscriberId.ToString())); // leak TC1001 precision-pseudonym
        return blob.GenerateSasUri(1, DateTimeOffset.UtcNow.AddHours(6));
    }
}
