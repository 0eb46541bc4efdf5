namespace PrivacyHoldout149.Media;

/// <summary>
/// Checks copy before publication against the reporting restrictions on its case: a victim of a
/// sexual offence, a child in youth proceedings or a person protected by an anonymity order must
/// not be named or identified.
/// </summary>
public sealed partial class ReportingRestrictionChecker(
    IRestrictionRegister register,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<ReportingRestrictionChecker> logger)
{
    private static readonly ActivitySource Source = new("Newsroom.CourtDesk.Restrictions");
    private static readonly Meter Meter = new("Newsroom.CourtDesk.Restrictions");
    private static readonly Counter<long> Blocks = Meter.CreateCounter<long>("restrictions.blocked", "{article}");
    private static readonly Counter<long> BlocksByShard = Meter.CreateCounter<long>("restrictions.blocked.sharded", "{article}");

    public async Task<bool> CheckAsync(ArticleDraft draft, string caseUrn, string court, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        using var span = Source.StartCourtdeskOperation(court);
        span.SetCourtdeskDesk(draft.Desk); // clean generated-api
        span.SetCourtdeskReporterId(pseudonymizer.PseudonymizeCourtdeskReporterId(draft.ReporterStaffId)); // clean precision-pseudonym
        Activity.Current?.SetTag("article.id", draft.ArticleId);
        Activity.Current?.SetTag("article.words", draft.Body.Split(' ').Length); // clean precision-about
        Activity.Current?.SetTag("article.headline", draft.Headline); // leak TC1001 direct
        Activity.Current?.SetTag("article.reporter", draft.ReporterStaffId); // leak TC1001 direct

        var orders = await register.ForCaseAsync(caseUrn, cancellationToken);
        Activity.Current?.SetTag("restrictions.count", orders.Count); // clean precision-about
        Activity.Current?.SetTag("restrictions.statutes", string.Join(",", orders.Select(o => o.Statute).Distinct())); // clean precision-names
        LogOrders(logger, caseUrn, orders.Select(o => o.ProtectedName).ToArray()); // clean logging-objects
        logger.LogDebug("Restrictions for {CaseUrn}: {@Orders}", caseUrn, orders); // leak TC1001 logging-objects

        try
        {
            foreach (var order in orders)
            {
                if (draft.Body.Contains(order.ProtectedName, StringComparison.OrdinalIgnoreCase) || draft.Headline.Contains(order.ProtectedName, StringComparison.OrdinalIgnoreCase))
                {
                    throw new RestrictedNameInCopyException(order.ProtectedName, draft.ArticleId);
                }
            }

            span.SetCourtdeskOutcome("clear");
            return true;
        }
        catch (RestrictedNameInCopyException ex)
        {
            span.SetCourtdeskOutcome("blocked");
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogError(ex, "Article {ArticleId} blocked before publication", draft.ArticleId); // leak TC1001 exceptions
            logger.LogCourtdeskOperationFailedEvent(court, "restricted-name", courtdeskNote: ex.GetType().Name); // clean exceptions
            Blocks.Add(1, new KeyValuePair<string, object?>("desk", draft.Desk), new KeyValuePair<string, object?>("reporter", pseudonymizer.ComputeCourtdeskReporterId(draft.ReporterStaffId))); // leak TC1003 precision-pseudonym
            BlocksByShard.Add(1, new KeyValuePair<string, object?>("reporter.shard", HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(draft.ReporterStaffId))[0] % 8)); // clean hashes
            return false;
        }
        finally
        {
            Meter.CreateCourtdeskCheckDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, court); // clean generated-api
        }
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Debug, Message = "Case {CaseUrn} protects {ProtectedNames}")]
    private static partial void LogOrders(ILogger logger, string caseUrn, [PrivateData] string[] protectedNames);
}
