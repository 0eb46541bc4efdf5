namespace PrivacyHoldout81.Retail;

/// <summary>Hand-made instruments of the returns mailboxes, with the customer cohorts the returns team looks at.</summary>
public sealed class ReturnsMailboxMetrics(
    Meter meter,
    Pseudonymizer pseudonymizer,
    KeyedShards shards)
{
    private readonly Counter<long> _messages = meter.CreateCounter<long>("returnsinbox.mail.handled");
    private readonly Histogram<long> _photoBytes = meter.CreateHistogram<long>("returnsinbox.photo.bytes", "By");

    public void Handled(MimeMessage message, string alias, RetailCustomer? customer)
    {
        var kind = AutoReplyDetector.Classify(message);
        _messages.Add(1, new TagList { { "alias", alias }, { "auto_reply", kind.ToString() }, { "attachments", message.Attachments.Count } }); // clean precision-about
        foreach (var part in message.Attachments)
        {
            _photoBytes.Record(part.Length, new KeyValuePair<string, object?>("content_type", part.ContentType.MimeType)); // clean precision-about
        }

        if (customer is null)
        {
            return;
        }

        _messages.Add(1, new KeyValuePair<string, object?>("customer", customer.CustomerNumber)); // leak TC1003 direct
        _messages.Add(1, new KeyValuePair<string, object?>("customer", pseudonymizer.ComputeReturnsinboxSenderId(customer.CustomerNumber))); // leak TC1003 precision-pseudonym
        _messages.Add(1, new KeyValuePair<string, object?>("cohort", shards.Shard(customer.CustomerNumber, 8))); // clean hashes
        _messages.Add(1, new KeyValuePair<string, object?>("tier", customer.Tier)); // clean precision-names

        var cohort = Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(customer.Email)))[..6];
        Activity.Current?.SetTag("returns.customer_cohort", cohort); // leak TC1002 hashes
        Activity.Current?.SetTag("returns.customer_lane", shards.Shard(customer.Email, 4)); // clean hashes
    }
}
