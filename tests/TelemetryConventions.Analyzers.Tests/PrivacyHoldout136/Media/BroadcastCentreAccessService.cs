namespace PrivacyHoldout136.Media;

public sealed record GuestPass(string PassId, string GuestName, string Programme, string StudioId, string ProducerStaffId, DateTimeOffset From, DateTimeOffset Until, bool Escorted);

/// <summary>Door access at the broadcast centre: staff cards on the studio floors and day passes for programme guests.</summary>
public sealed class BroadcastCentreAccessService(
    IAccessControlClient accessControl,
    ILogger<BroadcastCentreAccessService> logger,
    ActivitySource activitySource,
    Meter meter,
    Pseudonymizer pseudonymizer)
{
    private readonly Counter<long> _doorReads = meter.CreateCounter<long>("broadcast.door.reads");
    private GuestPass? _lastPass;

    public async Task IssueGuestPassAsync(GuestPass pass, CancellationToken cancellationToken)
    {
        using var span = activitySource.StartStudiogateAccess("broadcast-centre");
        span.SetStudiogateZone(pass.StudioId); // clean precision-names
        span.SetStudiogateStaffId(pseudonymizer.PseudonymizeStudiogateStaffId(pass.ProducerStaffId)); // clean precision-pseudonym
        span.Activity?.SetTag("pass.programme", pass.Programme); // clean precision-names
        span.Activity?.SetTag("pass.escorted", pass.Escorted); // clean precision-about
        await accessControl.GrantAsync(pass.PassId, $"studio-{pass.StudioId}", pass.Until, cancellationToken);
        _lastPass = pass;
        logger.LogInformation("Guest pass {PassId} for {Programme} valid {From}-{Until}", pass.PassId, pass.Programme, pass.From, pass.Until); // clean precision-names
        logger.LogInformation("Guest pass issued {Pass}", pass); // leak TC1001 logging-objects
    }

    public async Task OnDoorEventAsync(AccessEvent accessEvent, CancellationToken cancellationToken)
    {
        using var activity = activitySource.StartActivity("broadcast.door_event");
        activity?.SetTag("door.id", accessEvent.DoorId); // clean precision-names
        _doorReads.Add(1, new KeyValuePair<string, object?>("door", accessEvent.DoorId), new KeyValuePair<string, object?>("decision", accessEvent.Decision.ToString())); // clean precision-names
        try
        {
            var holder = await accessControl.FindCardholderAsync(accessEvent.CardNumber, cancellationToken)
                ?? throw new CardholderNotFoundException(accessEvent.CardNumber);
            activity?.SetTag("door.holder.department", holder.Department); // clean precision-names
            activity?.SetTag("door.holder.groups", holder.AccessGroups.Count); // clean precision-about
            logger.LogInformation("Studio door " + accessEvent.DoorId + " opened for " + holder.Email); // leak TC1001 strings
            activity?.SetTag("door.holder.name", $"{holder.FirstName} {holder.LastName}"); // leak TC1001 strings
            logger.LogDebug("Cardholder {@Holder}", holder); // leak TC1001 logging-objects
        }
        catch (CardholderNotFoundException ex)
        {
            logger.LogWarning("Unknown card at {DoorId}: {Error}", accessEvent.DoorId, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("error.type", ex.GetType().FullName); // clean exceptions
        }
    }

    public void ReportLastPass()
    {
        Activity.Current?.SetTag("pass.last.guest", _lastPass?.GuestName); // leak TC1001 cross-member
        Activity.Current?.SetTag("pass.last.studio", _lastPass?.StudioId); // clean cross-member
    }
}
