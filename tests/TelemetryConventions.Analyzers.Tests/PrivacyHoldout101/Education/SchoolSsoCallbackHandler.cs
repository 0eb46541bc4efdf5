namespace PrivacyHoldout101.Education;

/// <summary>A learner in the MIS: the student number, the school email the trust's tenant issued and the year group.</summary>
public sealed record Learner(string StudentNumber, string SchoolEmail, string PreferredName, string YearGroup, string SchoolCode);

public interface ILearnerDirectory
{
    Task<Learner?> FindBySchoolEmailAsync(string email, CancellationToken cancellationToken);

    Task<IReadOnlyList<AccountUser>> FindDuplicatesAsync(string studentNumber, CancellationToken cancellationToken);

    Task<MergeOutcome> MergeAsync(AccountMergePlan plan, CancellationToken cancellationToken);
}

/// <summary>Learners sign in through their school's Google Workspace or Entra tenant; duplicate accounts made before SSO are merged.</summary>
public sealed class SchoolSsoCallbackHandler(
    IOidcClient oidc,
    ILearnerDirectory directory,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ActivitySource source,
    Meter meter,
    ILogger<SchoolSsoCallbackHandler> logger)
{
    private readonly LearnacctFlowDurationHistogram _duration = meter.CreateLearnacctFlowDurationHistogram();
    private readonly Counter<long> _merges = meter.CreateCounter<long>("learnacct.merges");

    public async Task<Learner?> HandleAsync(AuthorizationCallback callback, PendingAuthorization pending, string idp, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartLearnacctFlow("sso_callback").SetLearnacctIdp(idp);
        if (pending.LoginHint is { } hint)
        {
            Activity.Current?.SetTag("learnacct.login_hint", hint); // leak TC1001 direct
        }
        Activity.Current?.SetTag("learnacct.return_url", pending.ReturnUrl); // clean precision-names

        var tokens = await oidc.RedeemCodeAsync(callback.Code!, pending.CodeVerifier, cancellationToken);
        var claims = oidc.ValidateIdToken(tokens.IdToken!, pending.Nonce);
        Activity.Current?.SetTag("learnacct.oidc.jti", claims.TokenId); // clean precision-names
        Activity.Current?.SetTag("learnacct.oidc.email_verified", claims.EmailVerified); // clean precision-about
        logger.LogInformation("School sign-in {Name} <{Email}>", claims.Name, claims.Email); // leak TC1001 direct

        var learner = await directory.FindBySchoolEmailAsync(claims.Email ?? string.Empty, cancellationToken);
        if (learner is null)
        {
            span.SetLearnacctOutcome("no_learner").SetLearnacctNote("no learner for " + claims.PreferredUsername); // leak TC1001 generated-api
            return null;
        }
        using var scope = logger.BeginScope("Learner {StudentNumber} at {SchoolCode}", learner.StudentNumber, learner.SchoolCode); // leak TC1001 logging-objects
        span.SetLearnacctStudentId(pseudonymizer.PseudonymizeLearnacctStudentId(learner.StudentNumber)); // clean precision-pseudonym
        Activity.Current?.SetTag("learnacct.year_group", learner.YearGroup); // clean precision-names
        Activity.Current?.SetTag("learnacct.school", learner.SchoolCode); // clean precision-names

        var duplicates = await directory.FindDuplicatesAsync(learner.StudentNumber, cancellationToken);
        if (duplicates.Count > 1)
        {
            var survivor = duplicates.OrderBy(d => d.CreatedAt).First();
            foreach (var retired in duplicates.Where(d => d.Id != survivor.Id))
            {
                var plan = new AccountMergePlan(Guid.NewGuid().ToString("N"), survivor.Id, retired.Id, "oldest-wins");
                logger.LogInformation("Merging {Plan}", plan); // leak TC1001 logging-objects
                var outcome = await directory.MergeAsync(plan, cancellationToken);
                logger.LogInformation("Merge {Outcome}", outcome); // clean logging-objects
                _merges.Add(1, new KeyValuePair<string, object?>("learnacct.merge.rule", plan.Rule)); // clean precision-names
                _merges.Add(1, new KeyValuePair<string, object?>("learnacct.retired", retired.UserName)); // leak TC1003 cross-member
            }
            Activity.Current?.SetTag("learnacct.duplicates", duplicates.Count); // clean precision-about
            Activity.Current?.SetTag("learnacct.duplicate.fingerprint", Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(string.Join("|", duplicates.Select(d => d.Email)))))); // leak TC1002 hashes
            Activity.Current?.SetTag("learnacct.duplicate.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(learner.StudentNumber))[0] & 31); // clean hashes
        }
        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "sso_callback"); // clean generated-api
        return learner;
    }
}
