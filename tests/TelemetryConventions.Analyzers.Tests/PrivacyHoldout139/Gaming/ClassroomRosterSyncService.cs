namespace PrivacyHoldout139.Gaming;

public sealed record ClassroomAccount(Guid AccountId, string Upn, string DisplayName, string ClassCode, string SignInCode);

/// <summary>
/// The classroom edition's roster sync: reads each connected school's classes from its MIS and creates, moves or
/// archives pupil accounts, with a picture sign-in code per pupil.
/// </summary>
public sealed class ClassroomRosterSyncService(
    IMisClient mis,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ClassroomRosterSyncService> logger)
{
    private static readonly ActivitySource Source = new("Classroom.Roster");
    private static readonly Meter Meter = new("Classroom.Roster");
    private static readonly Counter<long> Created = Meter.CreateCounter<long>("classroom.accounts.created");

    public async Task SyncAsync(string schoolUrn, string yearGroup, string classCode, Dictionary<string, ClassroomAccount> existing, CancellationToken ct)
    {
        using var span = Source.StartClassplayOperation(classCode)
            .SetClassplaySchoolUrn(schoolUrn); // clean precision-names
        var pupils = await mis.GetPupilsAsync(schoolUrn, yearGroup, ct);
        span.SetClassplayPupilCount(pupils.Count); // clean precision-about

        var added = pupils.Where(p => !existing.ContainsKey(p.Upn)).ToList();
        var leavers = existing.Keys.Except(pupils.Select(p => p.Upn)).ToList();
        span.Activity?.SetTag("roster.added", added.Count); // clean precision-about
        span.Activity?.SetTag("roster.leavers", leavers.Count); // clean precision-about
        span.Activity?.SetTag("roster.leavers.upns", leavers.ToArray()); // leak TC1001 direct
        logger.LogInformation("Archiving {Leavers}", string.Join(",", leavers)); // leak TC1001 strings

        foreach (var pupil in added)
        {
            var signInCode = Convert.ToHexString(RandomNumberGenerator.GetBytes(3));
            var account = new ClassroomAccount(Guid.NewGuid(), pupil.Upn, pupil.PreferredName, classCode, signInCode);
            existing[pupil.Upn] = account;
            Created.Add(1, new KeyValuePair<string, object?>("class", classCode), new KeyValuePair<string, object?>("pupil_premium", pupil.PupilPremium)); // clean precision-about
            logger.LogInformation("Created {Account}", account); // leak TC1001 logging-objects
            logger.LogDebug("Sign-in code length {Length} for account {AccountId}", signInCode.Length, account.AccountId); // leak TC1001 direct
            span.Activity?.AddEvent(new ActivityEvent("roster.account.created", tags: new ActivityTagsCollection { ["display.name"] = pupil.PreferredName })); // leak TC1001 direct
            span.SetClassplayPupilId(pseudonymizer.PseudonymizeClassplayPupilId(account.AccountId.ToString())); // clean generated-api
        }

        var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(classCode))[0] % 4;
        span.Activity?.SetTag("roster.lane", lane); // clean hashes
        var guessLane = HashCode.Combine(schoolUrn, leavers.FirstOrDefault()) % 4;
        span.Activity?.SetTag("roster.leaver.lane", guessLane); // leak TC1002 hashes
    }
}
