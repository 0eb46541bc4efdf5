namespace PrivacyHoldout217.Media;

public sealed record NewsletterItem(string ItemId, string HomeId, string Headline, string ResidentName, DateOnly Birthday);

/// <summary>The monthly home newsletter sent to families: birthdays and activities.</summary>
public sealed class NewsletterRepository(ActivitySource source, ILogger<NewsletterRepository> logger)
{
    private readonly List<NewsletterItem> _items = new();

    public void Add(NewsletterItem item)
    {
        _items.Add(item);
        using var activity = source.StartActivity("newsletter.add");
        activity?.SetTag("newsletter.item.id", item.ItemId); // clean precision-names
        activity?.SetTag("newsletter.headline_length", item.Headline.Length); // clean precision-about
        activity?.SetTag("newsletter.birthday", item.Birthday.ToString("dd MMM")); // leak TC1001 direct
        logger.LogInformation("Item {Item}", item); // leak TC1001 logging-objects
    }

    public void Publish()
    {
        var names = new StringBuilder();
        foreach (var item in _items)
        {
            names.Append(item.ResidentName).Append(", ");
        }

        logger.LogInformation("Birthdays this month: {Names}", names.ToString()); // leak TC1001 strings
        logger.LogInformation("Newsletter published with {ItemCount} items", _items.Count); // clean precision-about
        Activity.Current?.SetTag("newsletter.first_resident", _items[0].ResidentName); // leak TC1001 cross-member
    }
}
