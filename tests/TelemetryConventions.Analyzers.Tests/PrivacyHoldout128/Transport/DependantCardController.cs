namespace PrivacyHoldout128.Transport;

public sealed record LinkCardForm(string CardNumber, DateOnly DependantBirthDate, string Product);

public interface ICardRegistry
{
    Task<DependantCard?> FindAsync(string cardNumber, CancellationToken cancellationToken = default);

    Task LinkAsync(DependantCard card, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<DependantCard>> ForParentAsync(Guid parentRiderId, CancellationToken cancellationToken = default);
}

/// <summary>A parent links a child's zip card to their account to top it up and see its journeys.</summary>
[ApiController]
[Route("riders/me/dependants")]
public sealed partial class DependantCardController(
    ICardRegistry cards,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets,
    ILogger<DependantCardController> logger) : ControllerBase
{
    private static readonly ActivitySource Source = new("Transit.Dependants");
    private static readonly Meter Meter = new("Transit.Dependants");
    private static readonly FamtravelHouseholdChangesCounter Changes = Meter.CreateFamtravelHouseholdChangesCounter();
    private static readonly Counter<long> Links = Meter.CreateCounter<long>("transit.dependant.links");

    [HttpPost]
    public async Task<ActionResult> Link([FromBody] LinkCardForm form)
    {
        var parentRiderId = Guid.Parse(HttpContext.User.SubjectId!);
        using var span = Source.StartFamtravelHouseholdChange(form.Product);
        span.SetFamtravelDelegateId(pseudonymizer.PseudonymizeFamtravelDelegateId(parentRiderId.ToString())).SetFamtravelRole("parent"); // clean precision-pseudonym
        Activity.Current?.SetTag("card.last4", form.CardNumber[^4..]); // clean precision-about
        Activity.Current?.SetTag("card.number", form.CardNumber); // leak TC1001 direct
        Activity.Current?.SetTag("dependant.age", DateTime.UtcNow.Year - form.DependantBirthDate.Year); // clean precision-about
        Activity.Current?.SetTag("dependant.birth_date", form.DependantBirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); // leak TC1001 direct

        try
        {
            var existing = await cards.FindAsync(form.CardNumber);
            if (existing is not null && existing.ParentRiderId != parentRiderId)
            {
                logger.LogWarning("Card already linked {Card}", existing); // leak TC1001 logging-objects
                Links.Add(1, new KeyValuePair<string, object?>("outcome", "linked-elsewhere")); // clean precision-names
                return new BadRequestResult("linked to another account");
            }
            var card = new DependantCard(form.CardNumber, Guid.NewGuid(), form.Product, parentRiderId);
            await cards.LinkAsync(card);
            span.SetFamtravelMemberId(pseudonymizer.PseudonymizeFamtravelMemberId(card.DependantRiderId.ToString())); // clean precision-pseudonym
            Activity.Current?.SetBaggage("transit.dependant", pseudonymizer.ComputeFamtravelMemberId(card.DependantRiderId.ToString())); // clean precision-pseudonym
            Activity.Current?.SetBaggage("transit.parent", parentRiderId.ToString()); // leak TC1001 direct
            LogLinked(logger, card.Product, card.DependantRiderId); // leak TC1001 direct
            Changes.Add(1, form.Product, "linked"); // clean precision-names
            Changes.Add(1, form.Product, "linked:" + form.CardNumber); // leak TC1003 generated-api
        }
        catch (CardHotlistedException ex)
        {
            span.RecordException(ex); // clean exceptions
            logger.LogWarning("Hotlisted card {Last4}", ex.CardNumber[^4..]); // clean exceptions
            logger.LogWarning(ex, "Link refused"); // leak TC1001 exceptions
            return new BadRequestResult("hotlisted");
        }

        var dependants = await cards.ForParentAsync(parentRiderId);
        span.SetFamtravelMemberCount(dependants.Count); // clean precision-about
        var legacy = new Guid(MD5.HashData(Encoding.UTF8.GetBytes(form.CardNumber)));
        Activity.Current?.SetTag("card.legacy_id", legacy.ToString()); // leak TC1002 hashes
        Activity.Current?.SetTag("card.shard", KeyedDigest.Shard(secrets.ShardKey, form.CardNumber, 32)); // clean hashes
        return new OkResult(null);
    }

    [LoggerMessage(EventId = 8101, Level = LogLevel.Information, Message = "{Product} card linked for dependant {DependantRiderId}")]
    private static partial void LogLinked(ILogger logger, string product, Guid dependantRiderId);
}
