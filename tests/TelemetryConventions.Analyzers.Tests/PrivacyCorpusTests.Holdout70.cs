using Xunit;

namespace TelemetryConventions.Analyzers.Tests;

public sealed partial class PrivacyCorpusTests
{
    /// <summary>
    /// A seventieth corpus (see <c>PrivacyHoldout70/README.md</c>), written apart from the analyzers,
    /// their rule pages and the cases of the other corpora, on identity provisioning and multi-tenant
    /// administration inside services: SCIM clients and servers (users and groups, <c>PatchOp</c>
    /// requests, <c>userName eq "…"</c> filters, uniqueness errors), directory sync from a Graph-style
    /// delta query and from LDAP (UPNs, object ids, distinguished names, delta links), tenant onboarding
    /// and invitations with their tokens and links, platform account linking and account merges,
    /// household invitations and role changes, bulk staff imports from CSV, role grants as LDAP group
    /// memberships, deprovisioning of leavers and the audit of admin actions; with the generated API
    /// beside them (spans, log events, counters) and the clean cases (tenants, group DNs, parent OUs,
    /// invitation ids, token lengths, email domains, pseudonyms, keyed shards, redacted
    /// <c>[LoggerMessage]</c> parameters). Graded once as written with the analyzers of commit 9f69945:
    /// 83 of 106 leaks found (78.3 %), 3 of 182 clean lines reported (1.6 %). The floor guards those
    /// figures (78 % recall, 2 % false positives).
    /// Since, with a user principal name read as a sign-in name: 86 of 106 (81.1 %), 3 of 182 (1.6 %).
    /// The floor guards those figures (81 % recall).
    /// Since "household" is an identifier word (the writers of holdouts 89 and 90 hold a household's id
    /// personal, this corpus's writer held a family plan's household a thing): 87 of 106 (82.1 %), 5 of
    /// 182 (2.7 %), the two new ones <c>household.Id</c> in <c>Media/HouseholdInvitations.cs:89</c> and
    /// <c>Media/HouseholdRoles.cs:57</c>. The floor guards those figures (3 % false positives).
    /// </summary>
    [Fact]
    public Task Seventieth_holdout_corpus_as_written() =>
        GradeAsync(TestFolder("PrivacyHoldout70"), "PrivacyHoldout70.Telemetry", minimumMarkers: 259,
            requiredRecall: 0.81, allowedFalsePositives: 0.03, TestFolder("PrivacyCorpus", "Shared"));
}
