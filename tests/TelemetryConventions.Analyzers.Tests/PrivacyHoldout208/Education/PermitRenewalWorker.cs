namespace PrivacyHoldout208.Education;

/// <summary>Renews students' and staff's campus parking permits each term and warns holders whose car has notices outstanding.</summary>
public sealed class PermitRenewalWorker(
    IQueueReceiver<ParkingPermit> renewals,
    IPenaltyNoticeStore notices,
    ILogger<PermitRenewalWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("University.Parking.Permits");

    private readonly Dictionary<string, int> _outstandingByHolder = new();
    private ParkingPermit? _current;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            _current = await renewals.ReceiveAsync(stoppingToken);
            if (_current is null)
            {
                continue;
            }

            await RenewAsync(stoppingToken);
        }
    }

    private async Task RenewAsync(CancellationToken ct)
    {
        using var activity = Source.StartActivity("campus.permit.renew");
        activity?.SetTag("campus.permit.id", _current!.PermitId); // clean cross-member
        activity?.SetTag("campus.permit.type", _current.PermitType); // clean cross-member
        activity?.SetTag("campus.permit.vrm", _current.Vrm); // leak TC1001 cross-member
        activity?.SetTag("campus.permit.holder", HolderOf(_current)); // leak TC1001 cross-member

        var outstanding = await notices.ForVehicleAsync(_current.Vrm, ct);
        _outstandingByHolder[_current.HolderEmail] = outstanding.Count;
        activity?.SetTag("campus.permit.outstanding", outstanding.Count); // clean precision-about
        logger.LogInformation("Permit {Permit} renewed", _current); // leak TC1001 logging-objects
        logger.LogInformation("Outstanding notices {Pcns}", string.Join(",", outstanding.Select(n => n.PcnNumber))); // clean strings
        logger.LogInformation("Outstanding by holder {Holders}", _outstandingByHolder); // leak TC1001 logging-objects
    }

    private static string HolderOf(ParkingPermit permit) => permit.HolderEmail;
}
