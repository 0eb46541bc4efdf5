namespace PrivacyHoldout94.Education;

public sealed record GuardianRow(string GuardianId, string FullName, string? Mobile, string? Email, PostalAddress? Address, IReadOnlyList<string> StudentNumbers);

/// <summary>
/// The MIS import merges guardians listed twice (a mother entered once for each sibling): mobiles are
/// normalised to E.164, names parsed, and rows matched on mobile, on email and on name and postcode.
/// </summary>
public sealed class GuardianContactMatcher(
    FuzzyMatcher matcher,
    ActivitySource source,
    Meter meter,
    Pseudonymizer pseudonymizer,
    ContactHygieneOptions options,
    ILogger<GuardianContactMatcher> logger)
{
    private readonly PhoneNumberUtil _phones = PhoneNumberUtil.GetInstance();
    private readonly GuardcheckCheckDurationHistogram _duration = meter.CreateGuardcheckCheckDurationHistogram();
    private string? _lastUnparsedMobile;
    private string? _lastUnparsedError;

    public IReadOnlyList<MatchCandidate> Match(IReadOnlyList<GuardianRow> rows, string schoolUrn)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = source.StartGuardcheckCheck("match");
        span.Activity?.SetTag("guardcheck.school", schoolUrn); // clean precision-names
        var records = rows.Select(ToRecord).ToList();

        var byMobile = records.Where(r => r.Phone is not null).GroupBy(r => r.Phone!).Where(g => g.Count() > 1).ToList();
        span.Activity?.SetTag("guardcheck.shared_mobiles", byMobile.Count); // clean precision-about
        foreach (var group in byMobile)
        {
            logger.LogDebug("Mobile {Mobile} is on {Count} guardian rows", group.Key, group.Count()); // leak TC1001 direct
        }

        var candidates = matcher.FindCandidates(records, options.MatchThreshold);
        span.SetGuardcheckCandidateCount(candidates.Count); // clean precision-about
        logger.LogInformation("Guardian candidates: {Candidates}", candidates.Select(c => new { c.LeftId, c.RightId, c.Score })); // leak TC1001 logging-objects
        logger.LogInformation("Guardian candidate rules: {Rules}", candidates.GroupBy(c => c.Rule).ToDictionary(g => g.Key, g => g.Count())); // clean logging-objects

        if (_lastUnparsedMobile is not null)
        {
            span.Activity?.SetTag("guardcheck.last_unparsed", _lastUnparsedMobile); // leak TC1001 cross-member
            span.Activity?.SetTag("guardcheck.last_unparsed_error", _lastUnparsedError); // clean cross-member
        }

        _duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, "match");
        return candidates;
    }

    private ContactRecord ToRecord(GuardianRow row)
    {
        string? e164 = null;
        if (row.Mobile is { } mobile)
        {
            try
            {
                e164 = _phones.Format(_phones.Parse(mobile, options.DefaultRegion), PhoneNumberFormat.E164);
            }
            catch (NumberParseException ex)
            {
                _lastUnparsedMobile = mobile;
                _lastUnparsedError = ex.ErrorType.ToString();
                Activity.Current?.AddEvent(new ActivityEvent("mobile.unparsed", tags: new ActivityTagsCollection { ["error"] = ex.ErrorType.ToString(), ["length"] = mobile.Length })); // clean exceptions
            }
        }

        ParsedName name;
        try
        {
            name = HumanNameParser.Parse(row.FullName);
        }
        catch (NameParseException ex)
        {
            logger.LogWarning("Guardian name not parsed: {Message}", ex.Message); // leak TC1001 exceptions
            name = new ParsedName(null, row.FullName, null, row.FullName, null, null);
        }
        Activity.Current?.SetTag("guardcheck.name.has_title", name.Title is not null); // clean precision-about
        Activity.Current?.SetTag("guardcheck.name.tokens", name.TokenCount); // clean precision-about
        logger.LogTrace("Parsed guardian name {@Name}", name); // leak TC1001 logging-objects
        return new ContactRecord(row.GuardianId, row.Email, e164, name.Given, name.Family, row.Address, null);
    }

    public void ReportMerged(MergeResult merged)
    {
        var survivor = pseudonymizer.PseudonymizeGuardcheckGuardianId(merged.SurvivorId);
        logger.LogInformation("Guardian rows merged into {Survivor}; {Merged} rows retired", survivor, merged.MergedIds.Count); // clean precision-pseudonym
        Activity.Current?.SetTag("guardcheck.merged_ids", string.Join(",", merged.MergedIds)); // leak TC1001 strings
        Activity.Current?.SetTag("guardcheck.survivor", Pseudonym.FromComputed(merged.SurvivorId)); // leak TC1001 precision-pseudonym
    }
}
