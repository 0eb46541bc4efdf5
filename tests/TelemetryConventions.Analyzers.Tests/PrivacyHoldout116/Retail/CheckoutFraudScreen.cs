namespace PrivacyHoldout116.Retail;

public sealed record CheckoutAttempt(string CustomerNumber, string Email, string Phone, string BasketId, decimal Total, string CardBin, string CardLast4, string CardFingerprint, string StoreId, string CaptchaToken, string? DeviceToken);

/// <summary>
/// Screens web checkouts: card-testing velocity per card BIN and per card, the fraud team's email block
/// list, a CAPTCHA (the checkout page passes the customer number to the widget as its customer data, so
/// the answer can be tied to the session) and the fraud vendor's score.
/// </summary>
public sealed class CheckoutFraudScreen(
    ILogger<CheckoutFraudScreen> logger,
    ICounterStore counters,
    IAccessListStore lists,
    ICaptchaVerifier captcha,
    IRiskClient risk,
    Meter meter,
    Pseudonymizer pseudonymizer,
    AbuseOptions options)
{
    private static readonly ActivitySource Source = new("Checkout.Fraud");
    private readonly Counter<long> _cardTesting = meter.CreateCounter<long>("checkout.card_testing.blocked");

    public async Task<RiskAction> ScreenAsync(CheckoutAttempt checkout, EdgeRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartShopguardCheck("risk");
        span.SetShopguardStore(checkout.StoreId); // clean precision-names

        var perBin = await counters.IncrementAsync($"bin:{checkout.CardBin}:10m", TimeSpan.FromMinutes(10));
        var perCard = await counters.IncrementAsync($"card:{checkout.CardFingerprint}:1h", TimeSpan.FromHours(1));
        if (perBin > 200 || perCard > 4)
        {
            _cardTesting.Add(1, new KeyValuePair<string, object?>("card.bin", checkout.CardBin)); // clean precision-about
            logger.LogWarning("Card testing: {PerBin} attempts on BIN {Bin}, {PerCard} on card ending {Last4}", perBin, checkout.CardBin, perCard, checkout.CardLast4); // clean precision-about
            logger.LogWarning("Card testing on card {Fingerprint}", checkout.CardFingerprint); // leak TC1001 direct
            return RiskAction.Deny;
        }

        var blocked = await lists.MatchAsync("fraud-emails", EntryKind.Email, checkout.Email.ToLowerInvariant(), cancellationToken);
        if (blocked is not null)
        {
            span.SetShopguardList(blocked.List).SetShopguardOutcome("blocked"); // clean precision-names
            var ex = new BlockedException(blocked.List, blocked.Kind, blocked.Value);
            span.Activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            logger.LogInformation("Blocked by {List} entry {EntryId} added by {AddedBy}", blocked.List, blocked.EntryId, blocked.AddedBy); // leak TC1001 cross-member
            return RiskAction.Deny;
        }

        var verdict = await captcha.VerifyAsync(new SiteVerifyRequest(options.CaptchaSecret, checkout.CaptchaToken, request.RemoteIpAddress?.ToString()), cancellationToken);
        logger.LogDebug("Checkout siteverify {@Verdict}", verdict); // leak TC1001 logging-objects
        span.Activity?.SetTag("captcha.hostname", verdict.Hostname); // clean precision-names
        if (verdict.CData != checkout.CustomerNumber)
        {
            logger.LogWarning("CAPTCHA solved for {Expected} but answered for {CData}", checkout.CustomerNumber, verdict.CData); // leak TC1001 direct
            return RiskAction.Challenge;
        }

        var riskEvent = new RiskEvent("checkout", checkout.CustomerNumber, checkout.Email, request.RemoteIpAddress?.ToString(), checkout.DeviceToken)
        {
            Properties = { ["basket_id"] = checkout.BasketId, ["total"] = checkout.Total.ToString(CultureInfo.InvariantCulture) },
        };
        var assessment = await risk.ScoreAsync(riskEvent, cancellationToken);
        logger.LogDebug("Risk properties sent: {Properties}", riskEvent.Properties); // clean logging-objects
        span.SetShopguardRiskScore(assessment.Score).SetShopguardSubjectId(pseudonymizer.PseudonymizeShopguardSubjectId(checkout.CustomerNumber)); // clean precision-pseudonym
        meter.CreateShopguardCheckScoreHistogram().Record(assessment.Score, "risk", assessment.Action.ToString()); // clean generated-api
        foreach (var signal in assessment.Signals.Where(s => s.Weight > 0.2))
        {
            span.Activity?.AddEvent(new ActivityEvent("risk.signal", tags: new ActivityTagsCollection { ["name"] = signal.Name, ["detail"] = signal.Detail })); // leak TC1001 strings
        }
        logger.LogInformation("Checkout {BasketId} of {Total} scored {Score}: {Signals}", checkout.BasketId, checkout.Total, assessment.Score, assessment.Signals.Count); // clean precision-about

        if (assessment.Action == RiskAction.Review)
        {
            span.SetShopguardNote($"manual review, phone {checkout.Phone}"); // leak TC1001 generated-api
            Activity.Current?.SetTag(ShopguardAttributes.SubjectContact, checkout.Email); // leak TC1001 generated-api
            logger.LogShopguardRequestBlockedEvent("checkout-risk", "review", pseudonymizer.PseudonymizeShopguardSubjectId(checkout.CustomerNumber), $"basket {checkout.BasketId} held for review"); // clean precision-pseudonym
        }
        return assessment.Action;
    }
}
