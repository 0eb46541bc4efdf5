namespace PrivacyHoldout211.Media;

/// <summary>Monthly royalty statements for artists, paid through the gateway.</summary>
public sealed class RoyaltyStatementJob(IQueueReceiver<RoyaltyStatement> statements, IRoyaltyGateway gateway, ILogger<RoyaltyStatementJob> logger, Pseudonymizer pseudonymizer, StreamingOptions options) : BackgroundService
{
    private static readonly ActivitySource Source = new("Streaming.Royalties");
    private readonly StringBuilder _runLog = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var statement = await statements.ReceiveAsync(stoppingToken);
            if (statement is null)
            {
                Activity.Current?.SetTag("royalty.run", _runLog.ToString()); // leak TC1001 cross-member
                continue;
            }

            using var activity = Source.StartActivity("royalty.statement");
            activity?.SetTag("royalty.statement_id", statement.StatementId); // clean precision-names
            activity?.SetTag("royalty.period", statement.Period); // clean precision-names
            activity?.SetTag("royalty.currency", options.RoyaltyCurrency); // clean precision-names
            activity?.SetTag("royalty.payee_ref", pseudonymizer.Compute("payee", statement.PayeeLegalName)); // clean precision-pseudonym
            activity?.SetTag("royalty.payee_name", statement.PayeeLegalName); // leak TC1001 direct
            activity?.SetTag("royalty.payee_key", statement.PayeeLegalName.ToUpperInvariant().GetHashCode()); // leak TC1002 hashes
            _runLog.Append(statement.PayeeLegalName).Append('=').Append(statement.Amount).Append(';');
            try
            {
                var reference = await gateway.PayAsync(statement, stoppingToken);
                activity?.SetTag("royalty.payment_ref", reference); // clean precision-names
                logger.LogInformation("Paid {StatementId} {Amount} {Currency}", statement.StatementId, statement.Amount, options.RoyaltyCurrency); // clean precision-about
            }
            catch (RoyaltyPaymentRejectedException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, "payment rejected"); // clean exceptions
                activity?.SetTag("exception.message", ex.Message); // leak TC1001 exceptions
                logger.LogError(ex, "Payment of {StatementId} rejected", statement.StatementId); // leak TC1001 exceptions
            }
        }
    }
}
