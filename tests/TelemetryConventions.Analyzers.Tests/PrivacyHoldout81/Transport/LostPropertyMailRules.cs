namespace PrivacyHoldout81.Transport;

/// <summary>
/// Mailbox rules of the lost-property inbox: aliases (<c>lostproperty@</c>, <c>claims+{claimId}@</c> for
/// replies to the claim mail) and header matches: on the Subject the rider typed ("lost", "left on") and on
/// From (police forwarding addresses, which officers send from their own mailboxes).
/// A claim's plus tag is the claim id (LP-2025-004411).
/// </summary>
public sealed partial class LostPropertyMailRules(
    IReadOnlyList<MailboxRule> rules,
    ILogger<LostPropertyMailRules> logger)
{
    private readonly Dictionary<string, int> _matchesByRule = new();

    public RoutingDecision Apply(MimeMessage message)
    {
        var activity = Activity.Current;
        var recipient = message.To.Mailboxes.First(m => m.Domain == "metrolines.example");
        PlusAddress.TryParse(recipient.Address, out var alias);
        activity?.SetTag("lostpropinbox.mailbox", alias.Mailbox); // clean precision-names
        activity?.SetTag("claim.id", alias.Tag); // clean precision-about

        foreach (var rule in rules.OrderBy(r => r.Priority))
        {
            if (rule.HeaderField is null)
            {
                if (rule.Alias != alias.Mailbox)
                {
                    continue;
                }
            }
            else
            {
                var value = message.Headers[rule.HeaderField] ?? string.Empty;
                if (!Regex.IsMatch(value, rule.Pattern ?? "^$"))
                {
                    continue;
                }

                LogHeaderMatch(logger, rule.Name, rule.HeaderField, value); // leak TC1001 direct
                activity?.SetTag("rule.header", rule.HeaderField); // clean precision-names
            }

            _matchesByRule[rule.Name] = _matchesByRule.GetValueOrDefault(rule.Name) + 1;
            var decision = new RoutingDecision(rule.Name, rule.Queue, alias.Tag, alias.Tag is null);
            activity?.SetTag("rule.decision", decision.ToString()); // clean logging-objects
            logger.LogInformation("Rule {@Rule} matched", rule); // clean logging-objects
            return decision;
        }

        var sender = message.From.Mailboxes.First();
        logger.LogWarning("No rule for mail from {Sender} to {Alias}", $"{sender.Name} <{sender.Address}>", alias.Mailbox); // leak TC1001 strings
        activity?.SetTag("mail.sender.domain", sender.Domain); // clean precision-about
        return new RoutingDecision("default", "triage", null, true);
    }

    public void Report() =>
        logger.LogInformation("Rule matches this hour: {Matches}", _matchesByRule); // clean precision-names

    [LoggerMessage(EventId = 9201, Level = LogLevel.Debug, Message = "Rule {Rule} matched header {Field}: {Value}")]
    private static partial void LogHeaderMatch(ILogger logger, string rule, string field, string value);
}
