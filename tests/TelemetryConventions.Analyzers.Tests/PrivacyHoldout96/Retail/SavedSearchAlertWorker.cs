namespace PrivacyHoldout96.Retail;

public interface ICustomerDirectory
{
    Task<Customer> GetAsync(string customerNumber, CancellationToken cancellationToken = default);
}

/// <summary>Runs customers' saved searches with price alerts each morning and emails them the new or cheaper products.</summary>
public sealed class SavedSearchAlertWorker(
    ISavedSearchStore store,
    ISearchClient products,
    IAlertSender sender,
    ICustomerDirectory customers,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<SavedSearchAlertWorker> logger) : BackgroundService
{
    private static readonly ActivitySource Source = new("Shop.SavedSearches");
    private readonly Counter<long> _alerts = meter.CreateCounter<long>("shop.saved_search.alerts");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var saved in await store.DueAsync(AlertFrequency.Daily, DateTimeOffset.UtcNow, stoppingToken))
        {
            using var activity = Source.StartActivity("saved_search.run");
            activity?.SetTag("shop.saved_search.id", saved.Id); // clean precision-names
            activity?.SetTag("shop.saved_search.query", saved.QueryText); // leak TC1001 direct
            activity?.SetTag("shop.saved_search.owner", saved.OwnerId); // leak TC1001 direct
            activity?.SetTag("shop.saved_search.frequency", saved.Frequency.ToString()); // clean precision-about

            var results = await products.SearchAsync<ProductDoc>(saved.QueryText, new SearchOptions { Filter = saved.Filter, IncludeTotalCount = true }, stoppingToken);
            var fresh = (int)(results.TotalCount ?? 0) - saved.LastResultCount;
            activity?.SetTag("shop.saved_search.new", fresh);
            if (fresh <= 0)
            {
                continue;
            }

            var customer = await customers.GetAsync(saved.OwnerId, stoppingToken);
            var alert = new SavedSearchAlert(saved.Id, customer.Email, fresh, saved.Frequency);
            try
            {
                await sender.SendAsync(customer.Email, $"{customer.FirstName}, {fresh} new matches for {saved.Name}", "See them in the app.", stoppingToken);
                logger.LogShoprankSavedSearchAlertedEvent(saved.Id.ToString(), fresh, pseudonymizer.PseudonymizeShoprankCustomerId(saved.OwnerId)); // clean generated-api
                logger.LogInformation("Alert sent {Alert}", alert); // leak TC1001 logging-objects
                logger.LogShoprankSavedSearchAlertedEvent(saved.Id.ToString(), fresh, shoprankNote: $"sent to {customer.Email}"); // leak TC1001 generated-api
                _alerts.Add(1, new KeyValuePair<string, object?>("frequency", saved.Frequency.ToString()), new KeyValuePair<string, object?>("domain", customer.Email[(customer.Email.IndexOf('@') + 1)..])); // clean precision-about
            }
            catch (AlertRejectedException ex)
            {
                logger.LogWarning(ex, "Alert for saved search {SavedSearchId} rejected", saved.Id); // leak TC1001 exceptions
                activity?.SetTag("shop.saved_search.reject_reason", ex.Reason); // clean exceptions
                _alerts.Add(1, new KeyValuePair<string, object?>("customer", pseudonymizer.ComputeShoprankCustomerId(saved.OwnerId)), new KeyValuePair<string, object?>("outcome", "rejected")); // leak TC1003 precision-pseudonym
            }
            saved.LastRunAt = DateTimeOffset.UtcNow;
            saved.LastResultCount = (int)(results.TotalCount ?? 0);
            await store.SaveAsync(saved, stoppingToken);
        }
    }
}
