namespace AgentGateway.Llm.Guards;

internal enum GuardAction
{
    Mask,
    Reject,
}
