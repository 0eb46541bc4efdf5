namespace PrivacyHoldout134.Gaming;

/// <summary>An attendee's medical card for a LAN event, shared with the event's first aiders when they scan the badge.</summary>
public sealed record AttendeeMedicalCard(string BadgeNumber, Guid PlayerId, string Gamertag, string EmergencyContactName, string EmergencyContactPhone, IReadOnlyList<AllergyEntry> Allergies, IReadOnlyList<MedicationLine> Medicines, bool CarriesAutoInjector);

public interface IMedicalCardStore
{
    Task<AttendeeMedicalCard?> ByBadgeAsync(string eventId, string badgeNumber, CancellationToken cancellationToken = default);
}

/// <summary>First aid at the studio's LAN finals: a medic scans a badge and sees allergies and medicines; every lookup is audited.</summary>
public sealed class EventFirstAidAllergyLookup(IMedicalCardStore cards, Pseudonymizer pseudonymizer, ILogger<EventFirstAidAllergyLookup> logger)
{
    private static readonly ActivitySource Source = new("Events.FirstAid");
    private static readonly Meter Meter = new("Events.FirstAid");
    private static readonly Counter<long> Lookups = Meter.CreateCounter<long>("events.firstaid.lookups");

    public async Task<AttendeeMedicalCard?> LookupAsync(string eventId, string badgeNumber, string medicId, CancellationToken cancellationToken)
    {
        using var span = Source.StartEsportsmedDeclaration(esportsmedVenue: eventId, spanName: "firstaid.lookup");
        span.SetEsportsmedMedicId(pseudonymizer.PseudonymizeEsportsmedMedicId(medicId)); // clean precision-pseudonym
        span.Activity?.SetTag("firstaid.badge", badgeNumber); // leak TC1001 direct
        span.Activity?.SetTag("firstaid.badge.length", badgeNumber.Length); // clean precision-about
        logger.LogInformation("Card lookup by medic {MedicId}", medicId); // leak TC1001 direct

        var card = await cards.ByBadgeAsync(eventId, badgeNumber, cancellationToken);
        if (card is null)
        {
            logger.LogWarning("No medical card for badge in {EventId}", eventId); // clean precision-names
            return null;
        }

        span.SetEsportsmedPlayerId(pseudonymizer.PseudonymizeEsportsmedPlayerId(card.PlayerId.ToString())); // clean precision-pseudonym
        span.Activity?.SetTag("firstaid.allergy.count", card.Allergies.Count); // clean precision-about
        span.Activity?.SetTag("firstaid.auto_injector", card.CarriesAutoInjector); // clean precision-about
        span.Activity?.SetTag("firstaid.severities", card.Allergies.Select(a => a.Severity).Distinct().ToArray()); // clean precision-names
        logger.LogInformation("Medical card viewed {Card}", card); // leak TC1001 logging-objects
        logger.LogInformation("Medicines on card {Medicines}", card.Medicines); // clean logging-objects
        logger.LogInformation("Emergency contact {Contact}", $"{card.EmergencyContactName} {card.EmergencyContactPhone}"); // leak TC1001 strings
        span.Activity?.SetTag(EsportsmedAttributes.Contact, card.EmergencyContactPhone); // leak TC1001 generated-api
        Lookups.Add(1, new TagList { { "event", eventId }, { "auto_injector", card.CarriesAutoInjector } }); // clean precision-about
        Lookups.Add(1, new TagList { { "event", eventId }, { "gamertag", card.Gamertag } }); // leak TC1003 direct
        return card;
    }
}
