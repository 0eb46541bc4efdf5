namespace PrivacyHoldout161.Education;

/// <summary>Books a school's group travel by rail or coach and checks every pupil's consent.</summary>
public sealed class SchoolTripBookingHandler(IPartnerClient railGroupDesk, Pseudonymizer pseudonymizer, ILogger<SchoolTripBookingHandler> logger)
{
    private static readonly ActivitySource Source = new("Trust.Trips.Booking");
    private static readonly Meter Meter = new("Trust.Trips.Booking");
    private static readonly Histogram<int> GroupSize = Meter.CreateHistogram<int>("trip.group.size");

    public async Task BookAsync(GroupBooking group, IReadOnlyList<TripPupil> pupils, string leaderStaffId, CancellationToken cancellationToken)
    {
        using var span = Source.StartSchooltripOperation(group.School);
        span.SetSchooltripTeacherId(pseudonymizer.PseudonymizeSchooltripTeacherId(leaderStaffId)); // clean precision-pseudonym
        span.SetSchooltripItemCount(pupils.Count); // clean generated-api
        Activity.Current?.SetTag("trip.group", group.GroupId); // clean precision-names
        Activity.Current?.SetTag("trip.service", group.Service); // clean precision-names
        Activity.Current?.SetTag("trip.leader", leaderStaffId); // leak TC1001 direct
        logger.LogInformation("Group booking {@Group}", group); // clean logging-objects
        GroupSize.Record(group.Pupils + group.Staff, new KeyValuePair<string, object?>("trip.school", group.School)); // clean precision-names

        foreach (var pupil in pupils.Where(p => !p.ConsentGiven))
        {
            var ex = new ConsentMissingException(pupil.StudentNumber);
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning("Consent missing for a pupil in {YearGroup}", pupil.YearGroup); // clean precision-about
            logger.LogWarning("Consent missing for {Pupil}", pupil); // leak TC1001 logging-objects
        }

        try
        {
            await railGroupDesk.SubmitAsync(group, cancellationToken);
            span.SetSchooltripOutcome("booked"); // clean generated-api
        }
        catch (GroupFareUnavailableException ex)
        {
            span.SetSchooltripNote(ex.Message); // clean exceptions
            span.RecordException(ex); // clean exceptions
            logger.LogSchooltripOperationFailedEvent(group.School, "no_group_fare", schooltripNote: string.Join(", ", pupils.Select(p => p.Name))); // leak TC1001 generated-api
        }
    }
}
