// The engine's internal parts (one folder each) use one another freely; only the root namespace is public API.
global using AgentGateway.Cedar.Evaluation;
global using AgentGateway.Cedar.Extensions;
global using AgentGateway.Cedar.Parsing;
global using AgentGateway.Cedar.Schema;
global using AgentGateway.Cedar.Validation;
