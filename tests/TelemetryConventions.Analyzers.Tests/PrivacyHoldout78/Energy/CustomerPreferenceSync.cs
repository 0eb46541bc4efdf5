namespace PrivacyHoldout78.Energy;

public sealed record CommunicationPreferences(string AccountNumber, string Language, bool LargePrint, bool Braille, string? NominatedContactName, string? NominatedContactPhone, string BillTheme);

/// <summary>
/// Pulls communication preferences (language, large print, braille, a nominated contact) from the
/// CRM into the billing platform every night.
/// </summary>
public sealed class CustomerPreferenceSync(ActivitySource source, Meter meter, ILogger<CustomerPreferenceSync> logger)
{
    private readonly Counter<long> _formats = meter.CreateCounter<long>("gridcopy.bill.formats", "{account}");

    public void Apply(IReadOnlyList<CommunicationPreferences> batch)
    {
        using var span = source.StartGridcopyRender("preferences.sync");
        span.SetGridcopyNote($"{batch.Count} accounts, {batch.Count(p => p.Braille)} braille, {batch.Count(p => p.NominatedContactName is not null)} nominated"); // clean generated-api
        foreach (var prefs in batch)
        {
            _formats.Add(1, new KeyValuePair<string, object?>("large_print", prefs.LargePrint), new KeyValuePair<string, object?>("braille", prefs.Braille), new KeyValuePair<string, object?>("language", prefs.Language)); // clean precision-about
            if (!CultureInfo.GetCultures(CultureTypes.AllCultures).Any(c => c.Name == prefs.Language))
            {
                logger.LogWarning("Unknown language {Language} from CRM; using en-GB", prefs.Language); // clean precision-about
                logger.LogWarning("Unknown language on {@Preferences}", prefs); // leak TC1001 logging-objects
            }
            if (prefs.NominatedContactPhone is { } phone)
            {
                logger.LogInformation("Nominated contact {Name} on {Phone} will receive copies", prefs.NominatedContactName, phone); // leak TC1001 direct
                span.Activity?.SetTag("preferences.nominated.phone_present", true); // clean precision-about
            }
            var nominatedContactCount = prefs.NominatedContactName is null ? 0 : 1;
            span.Activity?.SetTag("preferences.nominated_contact_count", nominatedContactCount); // clean precision-names
            span.Activity?.SetTag("preferences.bill_theme", prefs.BillTheme); // clean precision-about
        }
    }
}
