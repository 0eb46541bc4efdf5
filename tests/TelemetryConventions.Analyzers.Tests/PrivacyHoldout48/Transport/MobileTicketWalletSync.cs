using System.Diagnostics;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyCorpus.Shared;
using PrivacyHoldout48.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout48.Transport;

public sealed record WalletTicket(string TicketId, string ProductCode, DateTimeOffset ValidFrom, DateTimeOffset ValidTo, bool Refunded);

public sealed record WalletSyncRequest(Guid RiderId, string RiderEmail, string BoundDeviceId, string? ContinuationToken, string Platform);

public sealed record WalletSyncResponse(IReadOnlyList<WalletTicket> Tickets, IReadOnlyList<string> RemovedTicketIds, string ContinuationToken);

public sealed class DeviceBindingException(Guid riderId, string boundDeviceId, string presentedDeviceId)
    : Exception($"Rider {riderId} is bound to device {boundDeviceId}, not {presentedDeviceId}.");

public interface IWalletStore
{
    Task<(IReadOnlyList<WalletTicket> Tickets, long Sequence)> ChangesAsync(Guid riderId, long afterSequence, CancellationToken cancellationToken);

    Task<string?> BoundDeviceAsync(Guid riderId, CancellationToken cancellationToken);
}

/// <summary>Keeps the tickets in a rider's app usable offline: a pull of the changes since the last sequence.</summary>
public sealed class MobileTicketWalletSync(
    IWalletStore wallet,
    ActivitySource source,
    ILogger<MobileTicketWalletSync> logger,
    Pseudonymizer pseudonymizer)
{
    public async Task<WalletSyncResponse> SyncAsync(WalletSyncRequest request, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("wallet.sync");
        activity?.SetTag("client.platform", request.Platform); // clean precision-names
        activity?.SetTag("rider.id", request.RiderId); // leak TC1001 direct
        activity?.SetTag("rider.ref", pseudonymizer.PseudonymizeSyncAccountId(request.RiderId.ToString()).Value); // clean precision-pseudonym

        var bound = await wallet.BoundDeviceAsync(request.RiderId, cancellationToken);
        try
        {
            if (bound is not null && bound != request.BoundDeviceId)
            {
                throw new DeviceBindingException(request.RiderId, bound, request.BoundDeviceId);
            }
        }
        catch (DeviceBindingException ex)
        {
            logger.LogWarning("Wallet sync refused: {Reason}", ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", nameof(DeviceBindingException)); // clean exceptions
            return new WalletSyncResponse([], [], request.ContinuationToken ?? "0");
        }

        var after = long.TryParse(request.ContinuationToken, out var sequence) ? sequence : 0L;
        var (tickets, current) = await wallet.ChangesAsync(request.RiderId, after, cancellationToken);
        var removed = tickets.Where(t => t.Refunded).Select(t => t.TicketId).ToList();
        activity?.SetTag("wallet.removed", string.Join(",", removed)); // clean precision-names
        activity?.SetTag("wallet.continuation", current); // clean precision-about
        logger.LogInformation("Wallet of {RiderEmail} synced {Count} tickets", request.RiderEmail, tickets.Count); // leak TC1001 direct
        logger.LogInformation("Wallet sync {Request}", request); // leak TC1001 logging-objects
        Baggage.SetBaggage("wallet.device", request.BoundDeviceId); // leak TC1001 direct
        return new WalletSyncResponse(tickets.Where(t => !t.Refunded).ToList(), removed, current.ToString());
    }
}
