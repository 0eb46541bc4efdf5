namespace PrivacyHoldout143.Transport;

/// <summary>A pet pass bought in the app and loaded onto the passenger's smartcard.</summary>
public sealed record PetPassPurchase(Guid PassengerId, string SmartcardNumber, string ProductCode, string Network, string PetType);

/// <summary>
/// The transit operator's pet passes: passengers buy day and season passes for their dog on their smartcard, gates
/// validate them, and assistance dog cards are registered for free travel.
/// </summary>
[ApiController]
[Route("api/pet-passes")]
public sealed class PetPassController(
    IPetPassStore store,
    Pseudonymizer pseudonymizer,
    ActivitySource source,
    Meter meter,
    ILogger<PetPassController> logger) : ControllerBase
{
    [HttpPost("")]
    public async Task<ActionResult> Buy([FromBody] PetPassPurchase purchase, CancellationToken cancellationToken)
    {
        using var span = source.StartPetpassOperation(purchase.Network);
        span.SetPetpassPassengerId(pseudonymizer.PseudonymizePetpassPassengerId(purchase.PassengerId.ToString())); // clean generated-api
        span.SetPetpassProduct(purchase.ProductCode); // clean precision-about
        Activity.Current?.SetTag("petpass.smartcard", purchase.SmartcardNumber); // leak TC1001 direct
        Activity.Current?.SetTag("petpass.smartcard.issuer", purchase.SmartcardNumber[..4]); // clean precision-about

        var product = await store.ProductAsync(purchase.ProductCode, cancellationToken);
        if (product is null)
        {
            span.RecordException(new ProductNotOnNetworkException(purchase.ProductCode, purchase.Network), includeMessage: true); // clean exceptions
            return NotFound();
        }

        logger.LogInformation("Product {Product}", product); // clean logging-objects
        try
        {
            var pass = await store.IssueAsync(product.Code, purchase.SmartcardNumber, purchase.PassengerId, cancellationToken);
            logger.LogInformation("Pet pass issued {Pass}", pass); // leak TC1001 logging-objects
            logger.LogInformation("Pet pass for a {PetType} valid until {ValidUntil}", pass.PetType, pass.ValidUntil); // clean precision-about
            meter.CreatePetpassSalesCounter().Add(1, petpassNetwork: purchase.Network, petpassOutcome: "issued"); // clean generated-api
            return Ok(pass.PassNumber);
        }
        catch (SmartcardHotlistedException ex)
        {
            logger.LogWarning(ex, "Pet pass refused on {Network}", purchase.Network); // leak TC1001 exceptions
            meter.CreatePetpassSalesCounter().Add(1, petpassNetwork: purchase.Network, petpassOutcome: $"hotlisted:{purchase.SmartcardNumber}"); // leak TC1003 generated-api
            return BadRequest("hotlisted");
        }
    }

    [HttpPost("validations")]
    public async Task<ActionResult> Validate(string passNumber, string gate, string network, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var pass = await store.FindAsync(passNumber, cancellationToken);
        Activity.Current?.SetTag("petpass.gate", gate); // clean precision-names
        Activity.Current?.SetTag("petpass.pass_number", passNumber); // leak TC1001 direct
        meter.CreatePetpassValidationDurationHistogram().Record(Stopwatch.GetElapsedTime(started).TotalSeconds, petpassNetwork: network); // clean generated-api
        if (pass is null)
        {
            return NotFound();
        }

        Activity.Current?.SetTag("petpass.valid", pass.ValidUntil >= DateOnly.FromDateTime(DateTime.UtcNow));
        return Ok();
    }

    [HttpPost("assistance-dogs")]
    public ActionResult RegisterAssistanceDog([FromBody] AssistanceDogCard card, Guid passengerId)
    {
        var passenger = pseudonymizer.PseudonymizePetpassPassengerId(passengerId.ToString());
        Activity.Current.EnrichPetpassOperation("all-networks").SetPetpassPassengerId(passenger).SetPetpassProduct("assistance-dog"); // clean generated-api
        logger.LogInformation("Assistance dog card from {Organisation} for {DogName}", card.Organisation, card.DogName); // clean precision-names
        logger.LogInformation("Assistance dog card registered {Card}", card); // leak TC1001 logging-objects
        Activity.Current?.SetBaggage("petpass.passenger", passenger.Value); // clean precision-pseudonym
        return Ok();
    }
}
