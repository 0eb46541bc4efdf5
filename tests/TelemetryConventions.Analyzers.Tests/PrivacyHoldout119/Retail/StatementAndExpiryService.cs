namespace PrivacyHoldout119.Retail;

/// <summary>Sends quarterly shop club statements with the member's quarterly voucher and expires old points.</summary>
public sealed class StatementAndExpiryService(
    IPointsLedger ledger,
    IRewardsEngine rewards,
    IStatementMailer mailer,
    Pseudonymizer pseudonymizer,
    ILogger<StatementAndExpiryService> logger)
{
    private const string Programme = "shop-club";
    private static readonly ActivitySource Source = new("Retail.ShopClub.Statements");
    private static readonly Meter Meter = new("Retail.ShopClub.Statements");
    private static readonly Counter<long> Vouchers = Meter.CreateCounter<long>("clubrwd.quarterly.vouchers");

    public async Task SendAsync(IReadOnlyList<PointsStatement> statements, CancellationToken cancellationToken)
    {
        using var span = Source.StartClubrwdRedeem(Programme).SetClubrwdRewardId("quarterly-voucher");
        span.Activity?.SetTag("clubrwd.statements", statements.Count); // clean precision-about
        span.Activity?.SetTag("clubrwd.period", statements.FirstOrDefault()?.Period); // clean precision-names
        foreach (var statement in statements)
        {
            var voucher = await rewards.IssueVoucherAsync(statement.MemberNumber, "quarterly-voucher", cancellationToken);
            Vouchers.Add(1, new KeyValuePair<string, object?>("period", statement.Period)); // clean precision-names
            logger.LogDebug("Quarterly voucher {VoucherId} expires {ExpiresOn}", voucher.VoucherId, voucher.ExpiresOn); // clean precision-names
            logger.LogDebug("Quarterly voucher code {Code}", voucher.Code); // leak TC1001 direct
            span.Activity?.AddEvent(new ActivityEvent("clubrwd.voucher.issued", tags: new ActivityTagsCollection { ["voucher.code"] = voucher.Code, ["reward"] = voucher.RewardId })); // leak TC1001 direct
            try
            {
                await mailer.SendAsync(statement, Array.Empty<byte>(), cancellationToken);
            }
            catch (StatementBouncedException ex)
            {
                logger.LogWarning("Statement {StatementId} bounced: {Reason}", statement.StatementId, ex.Message); // leak TC1001 exceptions
                logger.LogWarning("Statement {StatementId} bounced with {Code}", statement.StatementId, ex.Code); // clean exceptions
                logger.LogWarning("Bounced statement {Statement}", statement); // leak TC1001 logging-objects
                span.Activity?.SetTag(ClubrwdAttributes.MemberContact, statement.Email); // leak TC1001 generated-api
            }
        }
    }

    public async Task ExpireAsync(DateOnly cutoff, CancellationToken cancellationToken)
    {
        using var span = Source.StartClubrwdAccrue(Programme).SetClubrwdOutcome("expired");
        var total = 0L;
        var byEmailDomain = new Dictionary<string, int>();
        var largest = new List<(string Member, int Points)>();
        await foreach (var notice in ledger.ExpiringAsync(Programme, cutoff, cancellationToken))
        {
            total += notice.Points;
            var domain = notice.Email[(notice.Email.LastIndexOf('@') + 1)..];
            byEmailDomain[domain] = byEmailDomain.GetValueOrDefault(domain) + 1;
            largest.Add((notice.MemberNumber, notice.Points));
        }

        logger.LogInformation("Expired per email domain {Domains}", byEmailDomain); // clean precision-about
        logger.LogInformation("Largest expiries {Largest}", string.Join(", ", largest.OrderByDescending(l => l.Points).Take(10).Select(l => $"{l.Member}={l.Points}"))); // leak TC1001 strings
        logger.LogInformation("Largest expiry amounts {Amounts}", largest.OrderByDescending(l => l.Points).Take(10).Select(l => l.Points).ToArray()); // clean precision-about
        span.SetClubrwdPoints(total).SetClubrwdNote($"cutoff {cutoff:yyyy-MM-dd}; top member {pseudonymizer.ComputeClubrwdMemberId(largest.MaxBy(l => l.Points).Member ?? "")}"); // clean precision-pseudonym
    }
}
