namespace PrivacyHoldout98.Healthcare;

/// <summary>
/// Break-glass access in the EPR: a clinician who is not on the patient's care team opens the record in an
/// emergency, gives a reason code and a justification, and the privacy office reviews it afterwards.
/// </summary>
public sealed class BreakGlassAccessService(
    IBreakGlassStore grants,
    AdminConsoleOptions options,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<BreakGlassAccessService> logger)
{
    private static readonly ActivitySource Source = new("Trust.Epr.BreakGlass");
    private static readonly Meter Meter = new("Trust.Epr.BreakGlass");
    private static readonly Counter<long> Opened = Meter.CreateCounter<long>("epr.break_glass.opened");
    private readonly EpradminAdminActionsCounter _actions = Meter.CreateEpradminAdminActionsCounter();

    public async Task<BreakGlassGrant?> OpenAsync(StaffPrincipal clinician, string hospitalNumber, string reasonCode, string justification)
    {
        using var span = Source.StartEpradminImpersonation(reasonCode);
        span.SetEpradminOperatorId(pseudonymizer.PseudonymizeEpradminOperatorId(clinician.StaffId)); // clean precision-pseudonym

        if (!clinician.IsInRole("clinician"))
        {
            var refused = new BreakGlassNotPermittedException(clinician.StaffId, string.Join(",", clinician.Roles));
            span.SetStatus(ActivityStatusCode.Error, refused.Message); // leak TC1001 exceptions
            logger.LogEpradminAdminDeniedEvent("break_glass", "not_permitted", pseudonymizer.PseudonymizeEpradminOperatorId(clinician.StaffId)); // clean generated-api
            _actions.Add(1, "break_glass", "not_permitted"); // clean generated-api
            return null;
        }

        var usedToday = await grants.UsedTodayAsync(clinician.StaffId);
        var grant = await grants.OpenAsync(clinician, hospitalNumber, reasonCode, justification);

        span.SetEpradminSessionId(grant.GrantId); // clean precision-names
        span.SetEpradminPatientId(pseudonymizer.PseudonymizeEpradminPatientId(hospitalNumber)); // clean precision-pseudonym
        span.SetEpradminNote(justification); // leak TC1001 generated-api
        span.Activity?.SetTag("epr.break_glass.used_today", usedToday); // clean precision-about
        span.Activity?.SetTag("epr.break_glass.window_hours", options.BreakGlassWindow.TotalHours); // clean precision-about
        span.Activity?.SetTag("epr.break_glass.justification_length", justification.Length); // clean precision-about

        logger.LogWarning("Break-glass {GrantId} opened by {StaffId} on {HospitalNumber}: {Reason}", grant.GrantId, clinician.StaffId, hospitalNumber, reasonCode); // leak TC1001 direct
        logger.LogWarning("Break-glass grant {Grant}", grant); // leak TC1001 logging-objects
        logger.LogInformation("Break-glass {GrantId} reason {ReasonCode} expires {ExpiresAt:O}", grant.GrantId, grant.ReasonCode, grant.ExpiresAt); // clean precision-names

        Opened.Add(1, new KeyValuePair<string, object?>("reason", reasonCode), new KeyValuePair<string, object?>("department", clinician.Roles.FirstOrDefault())); // clean precision-names
        Opened.Add(1, new KeyValuePair<string, object?>("clinician", clinician.StaffId)); // leak TC1003 direct

        var reviewBucket = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(hospitalNumber)))[..8];
        span.Activity?.SetTag("epr.break_glass.review_bucket", reviewBucket); // leak TC1002 hashes
        using var hmac = new HMACSHA256(secrets.ShardKey);
        var reviewShard = hmac.ComputeHash(Encoding.UTF8.GetBytes(hospitalNumber))[0] % 16;
        span.Activity?.SetTag("epr.break_glass.review_shard", reviewShard); // clean hashes
        _actions.Add(1, "break_glass", "opened"); // clean generated-api
        return grant;
    }

    public void ReviewDigest(IReadOnlyList<BreakGlassGrant> lastWeek)
    {
        var repeatUsers = lastWeek.GroupBy(g => g.StaffId).Where(g => g.Count() > 3).Select(g => g.Key).ToList();
        logger.LogInformation("Break-glass review: {Grants} grants, {RepeatUsers} repeat users", lastWeek.Count, repeatUsers.Count); // clean precision-about
        logger.LogInformation("Break-glass repeat users: {StaffIds}", string.Join(", ", repeatUsers)); // leak TC1001 strings
        var byReason = lastWeek.GroupBy(g => g.ReasonCode).ToDictionary(g => g.Key, g => g.Count());
        logger.LogInformation("Break-glass by reason: {ByReason}", byReason); // clean logging-objects
    }
}
