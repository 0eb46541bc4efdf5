namespace PrivacyHoldout217.Support;

/// <summary>Configuration of a care group's services.</summary>
public sealed class CareGroupOptions
{
    public string GroupCode { get; init; } = "CG-NORTH";

    public string Region { get; init; } = "north-west";

    public int VisitSlotMinutes { get; init; } = 45;

    public byte[] ShardKey { get; init; } = new byte[32];
}
