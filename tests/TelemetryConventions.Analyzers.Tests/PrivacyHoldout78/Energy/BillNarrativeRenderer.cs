namespace PrivacyHoldout78.Energy;

public sealed record BillSummary(string AccountNumber, string HolderName, string Email, string Culture, string Tariff, decimal Amount, decimal PreviousAmount, int DegreeDaysDelta);

/// <summary>
/// Writes the "why your bill changed" paragraph of the bill email. The resource strings are
/// composite formats filled with <see cref="string.Format(IFormatProvider, string, object[])"/> in
/// the holder's culture, so amounts come out as £1,234.56 or 1.234,56 €.
/// </summary>
public sealed class BillNarrativeRenderer(Pseudonymizer pseudonymizer, ActivitySource source, ILogger<BillNarrativeRenderer> logger)
{
    private static readonly ResourceManager Strings = new("PrivacyHoldout78.Energy.BillStrings", typeof(BillNarrativeRenderer).Assembly);

    public string Render(BillSummary bill)
    {
        using var span = source.StartGridcopyRender("bill.narrative");
        var culture = CultureInfo.GetCultureInfo(bill.Culture);
        span.SetGridcopyAccountId(pseudonymizer.PseudonymizeGridcopyAccountId(bill.AccountNumber)); // clean precision-pseudonym
        span.SetGridcopyCulture(culture.Name); // clean precision-about

        var reasonKey = bill.DegreeDaysDelta > 30 ? "Reason.ColderWeather" : bill.Amount > bill.PreviousAmount ? "Reason.TariffChange" : "Reason.Lower";
        var reason = string.Format(culture, Strings.GetString(reasonKey, culture)!, bill.Tariff, bill.DegreeDaysDelta);
        var opening = string.Format(culture, Strings.GetString("Opening", culture)!, bill.HolderName, bill.AccountNumber);
        var change = string.Format(culture, "{0:C}", bill.Amount - bill.PreviousAmount);

        span.SetGridcopyNote(reason); // clean generated-api
        span.Activity?.SetTag("bill.narrative.reason", reasonKey); // clean precision-about
        span.Activity?.SetTag("bill.narrative.change", change); // clean precision-about
        span.SetGridcopyMessageSubject(string.Format(culture, Strings.GetString("Subject", culture)!, bill.AccountNumber)); // leak TC1001 generated-api
        logger.LogDebug("Narrative opening {Opening}", opening); // leak TC1001 strings
        span.Activity?.SetTag(GridcopyAttributes.HolderEmail, bill.Email); // leak TC1001 generated-api

        if (culture.Name != "en-GB" && Strings.GetString("Opening", culture) == Strings.GetString("Opening", CultureInfo.InvariantCulture))
        {
            logger.LogGridcopyTranslationMissingEvent("Opening", culture.Name, gridcopyNote: $"fell back for {bill.Tariff}"); // clean generated-api
            logger.LogGridcopyTranslationMissingEvent("Opening", culture.Name, gridcopyNote: opening); // leak TC1001 generated-api
        }

        var paragraph = new StringBuilder().AppendLine(opening).AppendLine(reason).Append(change).ToString();
        Activity.Current?.AddEvent(new ActivityEvent("bill.narrative.rendered", tags: new ActivityTagsCollection { ["length"] = paragraph.Length, ["text"] = paragraph })); // leak TC1001 strings
        return paragraph;
    }
}
