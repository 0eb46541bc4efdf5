namespace PrivacyHoldout206.Retail;

public sealed record LinkCardRequest(string LoyaltyCard, string Email, string HomeStore, bool ShareBaskets);

/// <summary>A retailer's nutrition study with a university: shoppers link their loyalty card to the study.</summary>
[ApiController]
[Route("api/nutrition-study")]
public sealed partial class NutritionStudyController(IParticipantRegistry registry, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<NutritionStudyController> logger) : ControllerBase
{
    private static readonly Counter<long> Links = StudyTelemetry.Meter.CreateCounter<long>("nutrition.links");

    private ShopperLinkage? _lastLink;

    [HttpPost("link")]
    public ActionResult Link([FromBody] LinkCardRequest request)
    {
        var activity = Activity.Current;
        activity?.SetTag("nutrition.store", request.HomeStore); // clean precision-names
        activity?.SetTag("nutrition.loyalty_card", request.LoyaltyCard); // leak TC1001 direct
        activity?.SetTag("nutrition.loyalty_card.last4", request.LoyaltyCard[^4..]); // clean precision-about
        activity?.SetTag("nutrition.share_baskets", request.ShareBaskets); // clean precision-about
        activity?.SetTag("enduser.id", HttpContext.User.SubjectId); // leak TC1001 direct
        activity?.SetTag("nutrition.shopper.email", HttpContext.User.Email); // leak TC1001 direct
        var studyNumber = "NUT-" + request.LoyaltyCard[^6..];
        _lastLink = new ShopperLinkage(request.LoyaltyCard, studyNumber, request.Email, request.HomeStore);
        activity?.SetTag("nutrition.study_number", studyNumber); // leak TC1001 strings
        activity?.SetTag("nutrition.participant", pseudonymizer.ComputeShopperpanelParticipantId(studyNumber)); // clean precision-pseudonym
        logger.LogInformation("Linked {Link}", _lastLink); // leak TC1001 logging-objects
        logger.LogInformation("Linked at {Store}, baskets shared: {Share}", request.HomeStore, request.ShareBaskets); // clean precision-about
        Links.Add(1, new KeyValuePair<string, object?>("nutrition.store", request.HomeStore)); // clean precision-names
        Links.Add(1, new KeyValuePair<string, object?>("nutrition.card", request.LoyaltyCard[^4..])); // clean precision-about
        Links.Add(1, new KeyValuePair<string, object?>("nutrition.card", request.LoyaltyCard)); // leak TC1003 direct
        var cardHash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(request.LoyaltyCard)))[..16];
        logger.LogInformation("Card hash {CardHash}", cardHash); // leak TC1002 hashes
        var shard = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(request.LoyaltyCard))[1] % 16;
        logger.LogInformation("Card shard {Shard}", shard); // clean hashes
        LogLinked(logger, request.LoyaltyCard, request.HomeStore); // clean logging-objects
        return Ok();
    }

    [HttpGet("audit")]
    public ActionResult Audit()
    {
        Activity.Current?.SetTag("nutrition.last.email", _lastLink?.Email); // leak TC1001 cross-member
        Activity.Current?.SetTag("nutrition.last.store", _lastLink?.HomeStore); // clean cross-member
        logger.LogInformation("Last card {Card}", LastCard()); // leak TC1001 cross-member
        logger.LogInformation("Last linkage had a card: {HasCard}", LastCard() is not null); // clean cross-member
        return Ok();
    }

    [HttpPost("{studyNumber}/questionnaire")]
    public async Task<ActionResult> Questionnaire(string studyNumber, [FromBody] QuestionnaireResponse response, CancellationToken ct)
    {
        using var span = StudyTelemetry.Source.StartShopperpanelOperation("study-centre"); // clean generated-api
        span.SetShopperpanelParticipantId(pseudonymizer.PseudonymizeShopperpanelParticipantId(studyNumber)); // clean generated-api
        span.SetShopperpanelItems(response.AnswerCount); // clean generated-api
        span.SetShopperpanelStudy("NUTRI-25"); // clean generated-api
        span.SetShopperpanelNote($"{response.QuestionnaireCode}: {response.FreeTextAnswer}"); // leak TC1001 generated-api
        span.SetShopperpanelArm(studyNumber); // leak TC1001 generated-api
        span.Activity?.SetTag(ShopperpanelAttributes.Contact, pseudonymizer.PseudonymizeShopperpanelParticipantId(studyNumber).Value); // leak TC1001 precision-pseudonym
        try
        {
            var participant = await registry.FindAsync(studyNumber, ct) ?? throw new ParticipantNotFoundException(studyNumber);
            logger.LogInformation("Questionnaire {Code} from site {Site}", response.QuestionnaireCode, participant.SiteCode); // clean precision-names
            logger.LogInformation("Questionnaire {Response}", response with { FreeTextAnswer = string.Empty }); // leak TC1001 logging-objects
        }
        catch (ParticipantNotFoundException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            logger.LogShopperpanelOperationFailedEvent("study-centre", "not-found", pseudonymizer.PseudonymizeShopperpanelParticipantId(studyNumber)); // clean generated-api
            logger.LogShopperpanelOperationFailedEvent("study-centre", "not-found", shopperpanelNote: ex.StudyNumber); // leak TC1001 generated-api
        }

        StudyTelemetry.Meter.CreateShopperpanelOperationsCounter().Add(1, "study-centre", "questionnaire"); // clean generated-api
        StudyTelemetry.Meter.CreateShopperpanelOperationDurationHistogram().Record(1.2, "study-centre"); // clean generated-api
        return Ok();
    }

    [HttpPost("baskets")]
    public ActionResult Baskets([FromBody] BasketAggregate aggregate)
    {
        logger.LogInformation("Basket aggregate {Aggregate}", aggregate); // clean logging-objects
        logger.LogInformation("Aggregate {@Aggregate}", new { aggregate.StoreId, aggregate.Week, aggregate.Baskets }); // clean logging-objects
        Activity.Current?.SetTag("nutrition.basket_count", aggregate.Baskets); // clean precision-names
        Activity.Current?.SetTag("nutrition.customer_segment", "family"); // clean precision-names
        Activity.Current?.SetTag("nutrition.fruit_share", (double)aggregate.FruitAndVegShare); // clean precision-about
        var week = string.Concat(aggregate.StoreId, "/", aggregate.Week);
        Activity.Current?.SetTag("nutrition.store_week", week); // clean strings
        return Ok();
    }

    private string? LastCard() => _lastLink?.LoyaltyCard;

    [LoggerMessage(EventId = 2601, Level = LogLevel.Information, Message = "Linked card {LoyaltyCard} at {Store}")]
    private static partial void LogLinked(ILogger logger, [PrivateData] string loyaltyCard, string store);
}
