namespace PrivacyHoldout187.Support;

/// <summary>Settings the contact-centre services read from configuration.</summary>
public sealed class ContactCentreOptions
{
    public string CentreCode { get; init; } = "cc-main";

    public string BotName { get; init; } = "helper-bot";

    public string HandoffQueue { get; init; } = "general";

    public double HandoffConfidenceFloor { get; init; } = 0.55;

    public int MaxBotTurns { get; init; } = 12;

    public string RecordingContainer { get; init; } = "call-recordings";

    public string SupervisorEmail { get; init; } = "duty.supervisor@example.org";
}
