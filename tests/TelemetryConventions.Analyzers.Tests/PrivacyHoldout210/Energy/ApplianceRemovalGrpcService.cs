using PrivacyHoldout210.Support;
using PrivacyHoldout210.Telemetry;

namespace PrivacyHoldout210.Energy;

/// <summary>An old fridge or cooker taken away when the new efficient one is fitted under the supplier's scheme.</summary>
public sealed record RemovalRequest(string EnergyAccount, string ContactPhone, string AddressLine, string Uprn, string ApplianceType, int Count);

public sealed record RemovalReply(string JobId, DateOnly Date);

public sealed class ApplianceRemovalGrpcService(
    IWasteBookingStore bookings,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ApplianceRemovalGrpcService> logger)
{
    private static readonly ActivitySource Source = new("Supplier.ApplianceRemoval");
    private static readonly Counter<long> Removals = new Meter("Supplier.ApplianceRemoval").CreateCounter<long>("appliance.removals");

    public async Task<RemovalReply> Book(RemovalRequest request, ServerCallContext context)
    {
        using var activity = Source.StartActivity("appliance.removal");
        activity?.SetTag("rpc.method", context.Method); // clean precision-names
        activity?.SetTag("net.peer", context.Peer); // leak TC1001 direct
        activity?.SetTag("appliance.type", request.ApplianceType); // clean precision-names
        activity?.SetTag("appliance.count", request.Count); // clean precision-about
        activity?.SetTag("appliance.uprn", request.Uprn); // leak TC1001 direct
        activity?.SetTag(MoveinAttributes.Contact, request.ContactPhone); // leak TC1001 direct
        Removals.Add(request.Count, new KeyValuePair<string, object?>("appliance", request.ApplianceType)); // clean precision-names
        Removals.Add(request.Count, new KeyValuePair<string, object?>("account", request.EnergyAccount)); // leak TC1003 direct

        var slot = await bookings.NextSlotAsync(request.Uprn, context.CancellationToken);
        if (slot is null)
        {
            var error = new RpcException("NOT_FOUND", $"no removal slot for {request.AddressLine}");
            activity?.SetStatus(ActivityStatusCode.Error, error.Message); // leak TC1001 exceptions
            logger.LogWarning("No removal slot: {Status}", error.Status); // clean exceptions
            throw new RpcException("NOT_FOUND", "no removal slot");
        }

        var sha = SHA1.HashData(Encoding.UTF8.GetBytes(request.EnergyAccount));
        activity?.SetTag("appliance.account.key", new Guid(sha[..16])); // leak TC1002 hashes
        var hmac = HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(request.EnergyAccount));
        activity?.SetTag("appliance.account.ref", Convert.ToHexString(hmac)[..16]); // clean hashes
        activity?.SetTag("appliance.slot", slot.SlotId); // clean precision-names
        logger.LogInformation("Removal {Request}", new { request.ApplianceType, request.Count, slot.SlotId }); // clean logging-objects
        logger.LogInformation("Removal {Request}", new { request.ApplianceType, request.ContactPhone }); // leak TC1001 logging-objects
        logger.LogInformation("Removal for {Account}", pseudonymizer.ComputeMoveinResidentId(request.EnergyAccount)); // clean precision-pseudonym
        return new RemovalReply(slot.SlotId, slot.Date);
    }
}
