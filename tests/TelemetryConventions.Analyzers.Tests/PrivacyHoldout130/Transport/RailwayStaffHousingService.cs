namespace PrivacyHoldout130.Transport;

public sealed record HousingAllocation(string StaffNumber, string DriverName, string Depot, string CottageRef, DateOnly StartDate, decimal WeeklyRent, string Grade);

/// <summary>
/// The train operator's staff housing near depots where drivers start early turns: cottages are let to drivers and
/// guards, the rent comes off pay and the agreement ends when the person leaves the depot.
/// </summary>
public sealed partial class RailwayStaffHousingService(
    ILettingsClient lettings,
    Pseudonymizer pseudonymizer,
    ILogger<RailwayStaffHousingService> logger)
{
    private static readonly ActivitySource Source = new("Rail.StaffHousing");
    private static readonly Meter Meter = new("Rail.StaffHousing");
    private static readonly Counter<long> Allocations = Meter.CreateCounter<long>("staffhousing.allocations");

    private string? _lastAllocatedStaffNumber;

    public async Task AllocateAsync(HousingAllocation allocation, CancellationToken ct)
    {
        using var span = Source.StartRailhomesTenancy(allocation.CottageRef).SetRailhomesRegion(allocation.Depot); // clean precision-names
        span.SetRailhomesTenantId(pseudonymizer.PseudonymizeRailhomesTenantId(allocation.StaffNumber)); // clean precision-pseudonym
        span.SetRailhomesTenantId(Pseudonym.FromComputed(allocation.StaffNumber)); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag(RailhomesAttributes.Contact, pseudonymizer.ComputeRailhomesTenantId(allocation.StaffNumber)); // leak TC1001 precision-pseudonym
        span.Activity?.SetTag("staffhousing.grade", allocation.Grade); // clean precision-names
        span.SetRailhomesAmount((double)allocation.WeeklyRent); // clean precision-about
        logger.LogInformation("Allocating {CottageRef} at {Depot} from {Start}", allocation.CottageRef, allocation.Depot, allocation.StartDate); // clean precision-names
        logger.LogInformation("Allocating {CottageRef} to {Driver}", allocation.CottageRef, allocation.DriverName); // leak TC1001 direct
        Allocated(logger, allocation.CottageRef, allocation.StaffNumber); // clean logging-objects
        _lastAllocatedStaffNumber = allocation.StaffNumber;

        var occupant = new Occupant(allocation.StaffNumber, allocation.DriverName, string.Empty, string.Empty, true);
        try
        {
            var tenancy = await lettings.CreateTenancyAsync(allocation.CottageRef, new[] { occupant }, allocation.StartDate, ct);
            span.SetRailhomesTenancyRef(tenancy.TenancyRef).SetRailhomesOutcome("let"); // clean precision-names
            Allocations.Add(1, new KeyValuePair<string, object?>("depot", allocation.Depot), new("grade", allocation.Grade)); // clean precision-names
            Allocations.Add(1, new KeyValuePair<string, object?>("driver", pseudonymizer.PseudonymizeRailhomesTenantId(allocation.StaffNumber).ToString())); // leak TC1003 precision-pseudonym
        }
        catch (TenancyConflictException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
            logger.LogRailhomesTenancyFailedEvent(allocation.CottageRef, ex.ReasonCode, railhomesNote: $"{allocation.DriverName} could not be housed"); // leak TC1001 generated-api
        }
    }

    public void AuditLastAllocation() =>
        Activity.Current?.AddEvent(new ActivityEvent("staffhousing.audit", tags: new ActivityTagsCollection { ["last.staff_number"] = _lastAllocatedStaffNumber })); // leak TC1001 cross-member

    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Cottage {CottageRef} allocated to {StaffNumber}")]
    private static partial void Allocated(ILogger logger, string cottageRef, [PrivateData] string staffNumber);
}
