using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout21.Gaming;

/// <summary>The Xbox user the XSTS token describes. Its printed form leaves the identity out.</summary>
public sealed record XboxUser(string Xuid, string Gamertag, string AgeGroup, int PrivilegeCount)
{
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("AgeGroup = ").Append(AgeGroup).Append(", PrivilegeCount = ").Append(PrivilegeCount);
        return true;
    }
}

/// <summary>The signed-in user of the current connection.</summary>
public sealed class ConnectionState
{
    public XboxUser? User { get; set; }

    public string? PartyId { get; set; }
}

/// <summary>Reads the display claims of an Xbox Live XSTS token and tracks the signed-in user's party.</summary>
public sealed class XboxSignIn(ConnectionState connection, ILogger<XboxSignIn> logger)
{
    private static readonly Meter Meter = new("Game.Platform.Xbox");
    private static readonly Counter<long> SignIns = Meter.CreateCounter<long>("xbox.sign_ins");
    private static readonly Counter<long> PartyJoins = Meter.CreateCounter<long>("xbox.party.joins");

    public XboxUser ReadClaims(JsonElement xsts)
    {
        var xui = xsts.GetProperty("DisplayClaims").GetProperty("xui")[0];
        var xuid = xui.GetProperty("xid").GetString() ?? string.Empty;
        var gamertag = xui.GetProperty("gtg").GetString() ?? string.Empty;
        var ageGroup = xui.GetProperty("agg").GetString() ?? "Unknown";
        var privileges = (xui.GetProperty("prv").GetString() ?? string.Empty).Split(' ', System.StringSplitOptions.RemoveEmptyEntries);

        Activity.Current?.SetTag("xbox.age_group", ageGroup); // clean precision-about
        Activity.Current?.SetTag("xbox.privilege_count", privileges.Length);
        Activity.Current?.SetTag("xbox.gamertag", gamertag); // leak TC1001 direct
        SignIns.Add(1, new KeyValuePair<string, object?>("xbox.age_group", ageGroup)); // clean precision-about
        SignIns.Add(1, new KeyValuePair<string, object?>("xbox.xuid", xuid)); // leak TC1003 direct

        var user = new XboxUser(xuid, gamertag, ageGroup, privileges.Length);
        connection.User = user;
        logger.LogInformation("Xbox sign-in {User}", user); // clean logging-objects
        return user;
    }

    public void JoinParty(string partyId, int memberCount)
    {
        connection.PartyId = partyId;
        Activity.Current?.SetTag("xbox.party.id", partyId);
        Activity.Current?.SetTag("xbox.party.member_count", memberCount); // clean precision-names
        PartyJoins.Add(1, new KeyValuePair<string, object?>("xbox.party.size", memberCount)); // clean precision-about
        logger.LogInformation("{Gamertag} joined party {PartyId}", connection.User?.Gamertag, partyId); // leak TC1001 cross-member
    }

    public void LeaveParty()
    {
        Activity.Current?.AddEvent(new ActivityEvent("xbox.party.left", tags: new ActivityTagsCollection { ["xbox.party.id"] = connection.PartyId, ["xbox.xuid"] = connection.User?.Xuid })); // leak TC1001 cross-member
        connection.PartyId = null;
    }
}
