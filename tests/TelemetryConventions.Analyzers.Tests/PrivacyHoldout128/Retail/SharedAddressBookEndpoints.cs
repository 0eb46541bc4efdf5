namespace PrivacyHoldout128.Retail;

public sealed record AddressForm(string Label, string RecipientName, string Line1, string Town, string Postcode, bool ShareWithHousehold);

public interface IAddressBook
{
    Task<IReadOnlyList<SharedAddress>> ForHouseholdAsync(string householdId, CancellationToken cancellationToken = default);

    Task SaveAsync(string householdId, SharedAddress address, CancellationToken cancellationToken = default);
}

public sealed class AddressNotDeliverableException(string postcode)
    : Exception($"We cannot deliver to {postcode}")
{
    public string Postcode { get; } = postcode;
}

/// <summary>The household's shared address book: a member adds or changes an address, shared with the other adults.</summary>
public static class SharedAddressBookEndpoints
{
    private static readonly ActivitySource Source = new("Shop.AddressBook");
    private static readonly Meter Meter = new("Shop.AddressBook");
    private static readonly Counter<long> Saved = Meter.CreateCounter<long>("shop.addresses.saved");

    public static void Map(EndpointRoutes routes) => routes.MapPost("/households/{householdId}/addresses", SaveAsync);

    private static async Task<ActionResult> SaveAsync(string householdId, AddressForm form, IAddressBook book, Pseudonymizer pseudonymizer, TelemetrySecrets secrets, ILogger<AddressForm> logger)
    {
        using var span = Source.StartFamshopHouseholdChange("household-plus");
        span.SetFamshopHouseholdId(pseudonymizer.PseudonymizeFamshopHouseholdId(householdId)); // clean precision-pseudonym
        Activity.Current?.SetTag("address.label", form.Label); // clean precision-names
        Activity.Current?.SetTag("address.district", form.Postcode.Split(' ')[0]); // clean precision-about
        Activity.Current?.SetTag("address.shared", form.ShareWithHousehold); // clean precision-about

        var existing = await book.ForHouseholdAsync(householdId);
        var previous = existing.FirstOrDefault(a => a.Label == form.Label);
        if (previous is not null)
        {
            var change = new AddressChange(householdId, previous.Postcode, form.Postcode, DateOnly.FromDateTime(DateTime.UtcNow));
            logger.LogInformation("Address changed {Change}", change); // leak TC1001 logging-objects
            logger.LogInformation("Address {Label} moved from {Old} to {New}", form.Label, previous.Postcode.Split(' ')[0], change.NewDistrict); // clean precision-about
            Activity.Current?.SetTag("address.previous_recipient", previous.RecipientName); // leak TC1001 cross-member
        }

        try
        {
            var address = new SharedAddress(form.Label, form.RecipientName, form.Line1, form.Town, form.Postcode);
            await book.SaveAsync(householdId, address);
            Activity.Current?.SetTag("address.oneline", $"{address.Line1}, {address.Town} {address.Postcode}"); // leak TC1001 strings
            Activity.Current?.SetTag("address.book.size", existing.Count + (previous is null ? 1 : 0)); // clean precision-about
            Saved.Add(1, new KeyValuePair<string, object?>("label", form.Label), new KeyValuePair<string, object?>("shared", form.ShareWithHousehold)); // clean precision-names
            Saved.Add(1, new KeyValuePair<string, object?>("postcode", form.Postcode)); // leak TC1003 direct
            var bucket = KeyedDigest.Shard(secrets.ShardKey, form.Postcode, 64);
            Activity.Current?.SetTag("address.bucket", bucket); // clean hashes
            return new OkResult(null);
        }
        catch (AddressNotDeliverableException ex)
        {
            logger.LogWarning(ex, "Address not deliverable"); // leak TC1001 exceptions
            span.SetFamshopOutcome("undeliverable").SetFamshopNote("not deliverable in " + ex.Postcode.Split(' ')[0]); // clean generated-api
            return new BadRequestResult("undeliverable");
        }
    }
}
