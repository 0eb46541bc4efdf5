namespace PrivacyHoldout147.Transport;

/// <summary>Puts debit cards that failed a day's fare authorisation on the operator's deny list, and takes them off when paid.</summary>
public sealed class CardDenyListService(ActivitySource source, Pseudonymizer pseudonymizer, ILogger<CardDenyListService> logger)
{
    private static readonly Meter DenyMeter = new("Bank.Fares.DenyList");
    private static readonly UpDownCounter<int> Denied = DenyMeter.CreateUpDownCounter<int>("farecap.denied.cards");

    public void Deny(DebitCard card, string operatorCode, string reasonCode)
    {
        using var span = source.StartFarecapOperation(operatorCode);
        span.SetFarecapOutcome(reasonCode); // clean generated-api
        span.SetFarecapNote($"denied card {card.Pan}"); // leak TC1001 generated-api
        span.SetFarecapNote($"denied card ending {card.LastFour}"); // clean generated-api
        Denied.Add(1, new KeyValuePair<string, object?>("operator", operatorCode), new KeyValuePair<string, object?>("reason", reasonCode)); // clean direct
        Denied.Add(1, new KeyValuePair<string, object?>("card", pseudonymizer.PseudonymizeFarecapCardId(card.Pan).ToString())); // leak TC1003 precision-pseudonym
        logger.LogWarning("Card {CardReference} denied on {Operator}: {Reason}", card.CardReference, operatorCode, reasonCode); // clean direct
        logger.LogWarning("Denied card {@Card}", new { card.CardReference, card.LastFour, card.Status }); // clean logging-objects
        logger.LogWarning("Denied card {Card}", DenyLine(card)); // leak TC1001 strings
        var denied = new CardDeniedException(card.Pan);
        span.RecordException(denied); // clean exceptions
        logger.LogFarecapOperationFailedEvent(operatorCode, reasonCode, farecapNote: denied.Message); // leak TC1001 exceptions
    }

    private static string DenyLine(DebitCard card) => string.Concat(card.Pan.AsSpan(0, 6), card.Pan.AsSpan(6));
}
