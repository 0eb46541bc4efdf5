namespace PrivacyHoldout129.Healthcare;

public sealed record WalkingPatient(string HospitalNumber, string GivenName, string Mobile, string Ward, string PhysioStaffNumber);

public interface IWalkingPatients
{
    Task<IReadOnlyList<WalkingPatient>> DueForWeekAsync(int week, CancellationToken cancellationToken);

    Task<int> StepsLastWeekAsync(string hospitalNumber, CancellationToken cancellationToken);
}

/// <summary>Assigns the next week of the post-surgery walking programme and tracks who is falling behind.</summary>
public sealed class WalkingProgrammeService(
    IWalkingPatients patients,
    IPlanStore plans,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<WalkingProgrammeService> logger)
{
    private static readonly ActivitySource Source = new("Rehab.Walking");
    private static readonly Meter Meter = new("Rehab.Walking");
    private static readonly Counter<long> Assigned = Meter.CreateCounter<long>("rehab.walking.assigned");

    private string? _lastBehind;

    public async Task AssignWeekAsync(int week, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("walking.assign-week");
        activity?.SetTag("programme.week", week); // clean precision-names
        var due = await patients.DueForWeekAsync(week, cancellationToken);
        activity?.SetTag("patients.due", due.Count); // clean precision-about

        foreach (var patient in due)
        {
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["Ward"] = patient.Ward, ["Physio"] = patient.PhysioStaffNumber }); // leak TC1001 logging-objects
            var steps = await patients.StepsLastWeekAsync(patient.HospitalNumber, cancellationToken);
            var planId = steps < 15000 ? "walk-repeat" : $"walk-week-{week + 1}";
            var assignment = new PlanAssignment(Guid.NewGuid().ToString("N"), planId, patient.HospitalNumber, patient.PhysioStaffNumber, DateOnly.FromDateTime(DateTime.UtcNow));
            await plans.SaveAssignmentAsync(assignment, cancellationToken);

            logger.LogInformation("Assigned {Assignment}", assignment); // leak TC1001 logging-objects
            logger.LogInformation("Assigned plan {PlanId} ({AssignmentId}) after {Steps} steps", planId, assignment.AssignmentId, steps); // clean precision-names
            Assigned.Add(1, new KeyValuePair<string, object?>("plan", planId), new KeyValuePair<string, object?>("ward", patient.Ward)); // clean precision-names
            Meter.CreateCardiorehabActivitiesCounter().Add(1, cardiorehabSport: "walk", cardiorehabOutcome: planId); // clean generated-api

            if (steps < 15000)
            {
                _lastBehind = patient.HospitalNumber;
                activity?.AddEvent(new ActivityEvent("patient.behind", tags: new ActivityTagsCollection { ["patient.given_name"] = patient.GivenName, ["steps"] = steps })); // leak TC1001 direct
                activity?.SetTag("behind.shard", KeyedShard(patient.HospitalNumber)); // clean hashes
                activity?.SetTag("behind.ref", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(patient.HospitalNumber)))[..12]); // leak TC1002 hashes
                activity?.SetTag("behind.mobile.present", !string.IsNullOrEmpty(patient.Mobile)); // clean precision-about
            }
        }
    }

    public void ReportBehind()
    {
        if (_lastBehind is null)
        {
            return;
        }

        Activity.Current?.SetTag("walking.last_behind", _lastBehind); // leak TC1001 cross-member
        Activity.Current?.SetTag("walking.last_behind.pseudonym", pseudonymizer.ComputeCardiorehabPatientId(_lastBehind)); // clean precision-pseudonym
        Activity.Current?.SetBaggage("rehab.patient", pseudonymizer.ComputeCardiorehabPatientId(_lastBehind)); // clean precision-pseudonym
        Assigned.Add(0, new KeyValuePair<string, object?>("patient", pseudonymizer.ComputeCardiorehabPatientId(_lastBehind))); // leak TC1003 precision-pseudonym
    }

    private string KeyedShard(string value)
    {
        var mac = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(value));
        return (mac[0] % 16).ToString(CultureInfo.InvariantCulture);
    }
}
