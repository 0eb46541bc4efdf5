namespace PrivacyHoldout87.Gaming;

/// <summary>
/// Leavers and contract ends: deprovisioning requests from team admins and the HR feed, consumed
/// from a queue; every seat the developer holds is released and the membership removed.
/// </summary>
public sealed partial class StudioDeprovisioning(
    IQueueReceiver<DeprovisionRequest> queue,
    ITenantStore tenants,
    ISeatStore seats,
    Pseudonymizer pseudonymizer,
    ILogger<StudioDeprovisioning> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Studio.Tenancy.Deprovision");
    private static readonly Meter Meter = new("Studio.Tenancy.Deprovision");
    private static readonly Counter<long> Removed = Meter.CreateCounter<long>("studio.deprovision.removed", "{member}");

    private readonly Dictionary<string, int> _failuresByRequester = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var request = await queue.ReceiveAsync(stoppingToken);
            if (request is null)
            {
                continue;
            }

            using var activity = Source.StartActivity("deprovision", ActivityKind.Consumer);
            activity?.SetTag("deprovision.request", request.RequestId); // clean precision-about
            activity?.SetTag("deprovision.team", request.TenantId); // clean precision-about
            activity?.SetTag("deprovision.reason_code", request.Reason); // clean precision-about
            activity?.SetBaggage("deprovision.requested_by", request.RequestedBy); // leak TC1001 direct
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = request.RequestId, ["Developer"] = pseudonymizer.ComputeStudioseatsDeveloperId(request.MemberId) }); // clean precision-pseudonym
            try
            {
                var held = (await seats.SeatsAsync(request.TenantId, stoppingToken)).Where(s => s.AssignedTo == request.Email).ToList();
                foreach (var seat in held)
                {
                    await seats.ReleaseAsync(seat.SeatId, stoppingToken);
                    Released(logger, seat.SeatId, seat.Sku, request.TenantId); // clean precision-about
                }

                await tenants.RemoveMemberAsync(request.TenantId, request.MemberId, stoppingToken);
                Removed.Add(1, new KeyValuePair<string, object?>("team", request.TenantId), new KeyValuePair<string, object?>("seats", held.Count)); // clean precision-about
                logger.LogInformation("Deprovisioned {Request}", request); // leak TC1001 logging-objects
                var bucket = BitConverter.ToUInt16(SHA1.HashData(Encoding.UTF8.GetBytes(request.Email))) % 32;
                Removed.Add(0, new KeyValuePair<string, object?>("bucket", bucket)); // leak TC1003 hashes
                activity?.SetTag("deprovision.seats_released", held.Count); // clean precision-about
            }
            catch (TimeoutException ex)
            {
                _failuresByRequester[request.RequestedBy] = _failuresByRequester.GetValueOrDefault(request.RequestedBy) + 1;
                logger.LogError(ex, "Deprovisioning {RequestId} timed out", request.RequestId); // clean exceptions
                activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            }
        }
    }

    public void ReportFailures()
    {
        foreach (var (requester, count) in _failuresByRequester)
        {
            logger.LogWarning("{Requester} has {Count} failed deprovisioning requests", requester, count); // leak TC1001 cross-member
        }

        Activity.Current?.SetTag("deprovision.failed_requester_count", _failuresByRequester.Count); // clean precision-names
        Activity.Current?.SetTag("deprovision.failed_requesters", string.Join(" ", _failuresByRequester.Keys)); // leak TC1001 cross-member
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Released seat {SeatId} ({Sku}) in {TeamId}")]
    private static partial void Released(ILogger logger, string seatId, string sku, string teamId);
}
