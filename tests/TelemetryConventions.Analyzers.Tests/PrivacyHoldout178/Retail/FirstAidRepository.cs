namespace PrivacyHoldout178.Retail;

public sealed record FirstAidEntry(string EntryId, string StoreCode, string CasualtyName, string InjuryCode, bool AmbulanceCalled, string FirstAiderStaffNumber);

/// <summary>The first aid book of a store, kept in the store's database.</summary>
public sealed class FirstAidRepository(ILogger<FirstAidRepository> logger)
{
    private static readonly ActivitySource Source = new("Retailer.FirstAid");

    public void Save(FirstAidEntry entry)
    {
        using var activity = Source.StartActivity("FirstAid.Save");
        activity?.SetTag("db.statement", "INSERT INTO first_aid (entry_id, store, casualty, injury) VALUES (@id, @store, @casualty, @injury)"); // clean strings
        activity?.SetTag("db.statement.values", $"{entry.EntryId},{entry.StoreCode},{entry.CasualtyName},{entry.InjuryCode}"); // leak TC1001 strings
        activity?.SetTag("first_aid.injury", entry.InjuryCode); // clean precision-about
        activity?.SetTag("first_aid.ambulance", entry.AmbulanceCalled); // clean precision-about
        activity?.SetTag("first_aid.first_aider", entry.FirstAiderStaffNumber); // leak TC1001 direct
        logger.LogInformation("First aid entry {EntryId} in {Store}", entry.EntryId, entry.StoreCode); // clean precision-names
        logger.LogInformation("First aid {@Entry}", entry); // leak TC1001 logging-objects
    }
}
