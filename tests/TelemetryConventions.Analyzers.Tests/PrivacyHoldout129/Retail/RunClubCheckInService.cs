namespace PrivacyHoldout129.Retail;

public sealed record CheckIn(string StoreCode, string CustomerNumber, long AthleteId, string FirstName, string PaceGroup, DateTimeOffset At);

public interface IRunClubRoster
{
    Task<Club> ClubForStoreAsync(string storeCode, CancellationToken cancellationToken);

    Task<IReadOnlyList<ClubMember>> MembersAsync(long clubId, CancellationToken cancellationToken);
}

/// <summary>The Thursday night run club at each store: runners check in on the app before the club run, and the store's club on the activity platform must list them.</summary>
public sealed class RunClubCheckInService(IRunClubRoster roster, Pseudonymizer pseudonymizer, ILogger<RunClubCheckInService> logger)
{
    private static readonly ActivitySource Source = new("RunClub.CheckIn");
    private static readonly Meter Meter = new("RunClub.CheckIn");
    private static readonly Counter<long> CheckIns = Meter.CreateCounter<long>("runclub.checkins");

    private readonly Dictionary<string, List<string>> _checkedInByStore = new();

    public async Task<bool> CheckInAsync(CheckIn checkIn, CancellationToken cancellationToken)
    {
        using var span = Source.StartRunclubSync(runclubSource: "store-app");
        span.SetRunclubCustomerId(pseudonymizer.PseudonymizeRunclubCustomerId(checkIn.CustomerNumber)); // clean precision-pseudonym
        span.Activity?.SetTag("store.code", checkIn.StoreCode); // clean precision-names
        span.Activity?.SetTag("runclub.pace_group", checkIn.PaceGroup); // clean precision-names

        var club = await roster.ClubForStoreAsync(checkIn.StoreCode, cancellationToken);
        span.Activity?.SetTag("club", club); // clean logging-objects
        try
        {
            var members = await roster.MembersAsync(club.Id, cancellationToken);
            if (members.All(m => m.AthleteId != checkIn.AthleteId))
            {
                throw new NotAClubMemberException(club.Id, checkIn.AthleteId);
            }
        }
        catch (NotAClubMemberException ex)
        {
            logger.LogInformation(ex, "Check-in from a runner outside the store club"); // leak TC1001 exceptions
            span.Activity?.SetTag("club.id", ex.ClubId); // clean exceptions
            span.SetRunclubOutcome("not-in-club"); // clean generated-api
            return false;
        }

        if (!_checkedInByStore.TryGetValue(checkIn.StoreCode, out var list))
        {
            _checkedInByStore[checkIn.StoreCode] = list = [];
        }

        list.Add(checkIn.FirstName);
        CheckIns.Add(1, new KeyValuePair<string, object?>("store", checkIn.StoreCode), new KeyValuePair<string, object?>("pace_group", checkIn.PaceGroup)); // clean precision-names
        Meter.CreateRunclubActivitiesCounter().Add(1, runclubSport: "run", runclubOutcome: "checked-in"); // clean generated-api
        logger.LogInformation("Checked in {CheckIn}", checkIn); // leak TC1001 logging-objects
        logger.LogInformation("Checked in athlete {AthleteId} at {Store}", checkIn.AthleteId, checkIn.StoreCode); // leak TC1001 cross-member
        return true;
    }

    public void CloseRegister(string storeCode)
    {
        using var activity = Source.StartActivity("runclub.close-register");
        if (_checkedInByStore.Remove(storeCode, out var names))
        {
            activity?.SetTag("runclub.turnout", names.Count); // clean precision-about
            activity?.SetTag("runclub.register", string.Join(", ", names)); // leak TC1001 cross-member
            logger.LogInformation("Register closed for {Store}: {Runners}", storeCode, names); // leak TC1001 logging-objects
        }
    }
}
