namespace PrivacyHoldout187.Support;

// Each industry's side of the contact centre.

/// <summary>Healthcare: a message typed into the symptom checker's chat.</summary>
public sealed record TriageMessage(string NhsNumber, string PatientName, string Text, string? CallbackNumber);

/// <summary>Healthcare: the triage outcome the bot reached, from the pathway's list.</summary>
public sealed record TriageOutcome(string Pathway, string Disposition, int Urgency, bool NeedsNurse);

/// <summary>Education: a message to the admissions chatbot.</summary>
public sealed record ApplicantMessage(string UcasPersonalId, string ApplicantEmail, string CourseCode, string Text);

/// <summary>Education: a clearing call the bot hands to an adviser.</summary>
public sealed record ClearingHandoff(string ConversationId, string UcasPersonalId, string ApplicantName, string CourseCode, int Points);

/// <summary>Energy: a call that ended on the customer service line.</summary>
public sealed record CallEnded(string CallSid, string AccountNumber, string CallerNumber, string Queue, string AgentStaffNumber, int TalkSeconds, int HoldSeconds);

/// <summary>Energy: an agent's wrap-up of a call.</summary>
public sealed record WrapUp(string CallSid, string WrapCode, string Notes, bool ComplaintLogged);

/// <summary>Gaming: a player's support chat opened from the launcher.</summary>
public sealed record SupportChatRequest(string PlayerId, string Gamertag, string Platform, string Text, string? ClientIp);

/// <summary>Gaming: the reply the service sends back.</summary>
public sealed record SupportChatReply(string ConversationId, string Intent, bool HandedOff, int QueuePosition);

/// <summary>Media: a viewer's complaint call, recorded and transcribed.</summary>
public sealed record ViewerComplaintCall(string ComplaintRef, string ViewerEmail, string CallerNumber, string ProgrammeId, string RecordingSid);

/// <summary>Media: a quality evaluation of an agent's call.</summary>
public sealed record QualityEvaluation(string EvaluationId, string AgentStaffNumber, string EvaluatorEmail, int Score, string Comments);

/// <summary>Retail: a shopper's chat about an order.</summary>
public sealed record ShopperChat(string ConversationId, string CustomerNumber, string Email, string OrderNumber, string DisplayName);

/// <summary>Retail: an NPS answer after a chat.</summary>
public sealed record NpsAnswer(string ResponseId, string CustomerNumber, int Score, string? Comment);

/// <summary>Transport: a passenger's request for a call back from the assistance line.</summary>
public sealed record AssistanceCallback(string RequestId, string PassengerName, string MobileNumber, string Reason, string StationCode, DateTimeOffset Due);

/// <summary>Transport: the assistance booking the agent made.</summary>
public sealed record AssistanceBooking(string BookingRef, string StationCode, string AssistanceType, int Legs);
