namespace PrivacyHoldout121.Retail;

/// <summary>What a customer saves in "My account &gt; Delivery preferences".</summary>
public sealed record DeliveryPreferences(string CustomerNumber, SafePlace SafePlace, string? SafePlaceNote, string? Neighbour, string? GateCode, bool NoDoorbell);

/// <summary>Saves customers' safe places and delivery instructions and hands them to the carrier with each parcel.</summary>
public sealed class DeliveryPreferencesService(IPreferencesStore store, Pseudonymizer pseudonymizer, ILogger<DeliveryPreferencesService> logger)
{
    private static readonly Meter Meter = new("Shop.Delivery.Preferences");
    private static readonly Counter<long> SafePlacesSaved = Meter.CreateCounter<long>("shopship.safe_place.saved");

    public async Task SaveAsync(DeliveryPreferences prefs)
    {
        var activity = Activity.Current;
        activity?.SetTag("shopship.safe_place", prefs.SafePlace.ToString()); // clean precision-names
        activity?.SetTag("shopship.safe_place.has_note", prefs.SafePlaceNote is not null); // clean precision-about
        activity?.SetTag("shopship.gate_code", prefs.GateCode); // leak TC1001 direct
        activity?.SetTag("shopship.customer", pseudonymizer.ComputeShopshipRecipientId(prefs.CustomerNumber)); // clean precision-pseudonym
        SafePlacesSaved.Add(1, new KeyValuePair<string, object?>("shopship.safe_place", prefs.SafePlace.ToString())); // clean precision-names
        SafePlacesSaved.Add(1, new KeyValuePair<string, object?>("shopship.customer", pseudonymizer.ComputeShopshipRecipientId(prefs.CustomerNumber))); // leak TC1003 precision-pseudonym

        logger.LogInformation("Preferences saved {Preferences}", prefs); // leak TC1001 logging-objects
        logger.LogInformation("Preferences saved: {SafePlace}, no doorbell {NoDoorbell}, note {NoteLength} characters", prefs.SafePlace, prefs.NoDoorbell, prefs.SafePlaceNote?.Length ?? 0); // clean precision-about
        if (prefs.SafePlace == SafePlace.Neighbour)
        {
            logger.LogInformation("Neighbour nominated: {Neighbour}", prefs.Neighbour); // leak TC1001 direct
        }
        await store.SaveAsync(prefs);
    }

    public DeliveryInstructions ForCarrier(DeliveryPreferences prefs)
    {
        var instructions = new DeliveryInstructions(prefs.SafePlace, prefs.SafePlaceNote) { Neighbour = prefs.Neighbour, AccessCode = prefs.GateCode };
        var text = $"{prefs.SafePlace}: {prefs.SafePlaceNote}";
        Activity.Current?.SetTag("shopship.instructions", text); // leak TC1001 strings
        Activity.Current?.SetTag("shopship.instructions.kind", $"{prefs.SafePlace}/{(prefs.NoDoorbell ? "quiet" : "ring")}"); // clean strings
        logger.LogDebug("Instructions for carrier {Instructions}", instructions); // leak TC1001 logging-objects
        return instructions;
    }
}

public interface IPreferencesStore
{
    Task SaveAsync(DeliveryPreferences prefs);
}
