namespace PrivacyHoldout81.Education;

/// <summary>
/// Builds the morning digest of unanswered admissions enquiries for the office manager and records how
/// it was built. Enquiries are the parents' messages with the children's names in their subjects.
/// </summary>
public sealed class AdmissionsEnquiryDigest(
    Pseudonymizer pseudonymizer,
    ILogger<AdmissionsEnquiryDigest> logger)
{
    private readonly List<MimeMessage> _pending = new();

    public void Add(MimeMessage enquiry) => _pending.Add(enquiry);

    public string Build(DateOnly day)
    {
        var activity = Activity.Current;
        var lines = _pending.Select(m => $"{m.Date:HH:mm} {m.From} — {m.Subject}").ToList();
        activity?.SetTag("digest.day", day.ToString("yyyy-MM-dd")); // clean precision-about
        activity?.SetTag("digest.items", lines.Count); // clean precision-about
        activity?.SetTag("digest.senders.domains", string.Join(",", _pending.Select(m => m.From.Mailboxes.First().Domain).Distinct())); // clean precision-about
        logger.LogDebug("Digest lines {Lines}", lines); // leak TC1001 logging-objects
        activity?.SetTag("digest.first", lines.FirstOrDefault()); // leak TC1001 strings

        var families = _pending.Select(m => pseudonymizer.ComputeAdmitinboxSenderId(m.From.Mailboxes.First().Address.ToLowerInvariant())).Distinct().ToList();
        logger.LogInformation("Digest covers {Families} families: {FamilyIds}", families.Count, families); // clean precision-pseudonym
        var oldest = _pending.MinBy(m => m.Date);
        logger.LogInformation("Oldest enquiry waiting since {Date:d} is from {Parent}", oldest?.Date, oldest?.From.Mailboxes.First().Name); // leak TC1001 cross-member
        var legacyKey = oldest?.From.Mailboxes.First().Address.GetHashCode();
        activity?.SetTag("digest.oldest.key", legacyKey); // leak TC1002 hashes
        return string.Join("\n", lines);
    }
}
