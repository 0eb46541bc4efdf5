namespace PrivacyHoldout119.Education;

public interface IStatementSource
{
    IAsyncEnumerable<PointsStatement> ForPeriodAsync(string programme, string period, CancellationToken cancellationToken = default);
}

/// <summary>Renders and mails each member's termly campus rewards statement.</summary>
public sealed class RewardsStatementWorker(
    IStatementSource statements,
    IStatementMailer mailer,
    Pseudonymizer pseudonymizer,
    ILogger<RewardsStatementWorker> logger)
{
    private const string Programme = "campus-rewards";
    private static readonly ActivitySource Source = new("University.CampusCard.Statements");
    private static readonly Meter Meter = new("University.CampusCard.Statements");
    private static readonly Histogram<int> ClosingBalance = Meter.CreateHistogram<int>("campusrwd.statement.closing", "{point}");

    public async Task<StatementRun> RunAsync(string period, CancellationToken cancellationToken)
    {
        var runId = $"stmt-{Programme}-{period}";
        using var span = Source.StartActivity("campusrwd.statements");
        span?.SetTag("campusrwd.statement.run", runId);
        int sent = 0, failed = 0;
        await foreach (var statement in statements.ForPeriodAsync(Programme, period, cancellationToken))
        {
            var fileName = $"statement-{statement.MemberNumber}-{period}.pdf";
            try
            {
                await mailer.SendAsync(statement, Render(statement), cancellationToken);
                sent++;
                ClosingBalance.Record(statement.Closing, new KeyValuePair<string, object?>("period", period)); // clean precision-about
            }
            catch (StatementBouncedException ex)
            {
                failed++;
                logger.LogWarning("Statement {File} bounced", fileName); // leak TC1001 strings
                logger.LogWarning("Statement bounced with SMTP code {Code}", ex.Code); // clean exceptions
                span?.AddEvent(new ActivityEvent("statement.bounced", tags: new ActivityTagsCollection { ["error"] = ex.Message })); // leak TC1001 exceptions
                logger.LogCampusrwdLedgerFailedEvent(Programme, "bounced", pseudonymizer.PseudonymizeCampusrwdMemberId(statement.MemberNumber), $"smtp {ex.Code}"); // clean precision-pseudonym
                span?.SetTag("campusrwd.statement.last_bounced", statement.Email.Split('@')[^1]); // clean precision-about
            }
        }

        var run = new StatementRun(runId, Programme, period, sent, failed);
        logger.LogInformation("Statement run finished {@Run}", run); // clean logging-objects
        return run;
    }

    private static byte[] Render(PointsStatement statement) => Encoding.UTF8.GetBytes($"{statement.Opening}+{statement.Earned}-{statement.Spent}-{statement.Expired}={statement.Closing}");
}
