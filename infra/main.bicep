// AgentGateway on Azure Container Apps, provisioned by `azd up` (see docs/deployment.md).
// Everything here is local Bicep: no registry-hosted modules, so `bicep build` works offline.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('azd environment name; names the resource group and seeds resource names.')
param environmentName string

@minLength(1)
@description('Azure region for every resource.')
param location string

@description('Set by azd (SERVICE_GATEWAY_RESOURCE_EXISTS): true once the gateway app exists, so provisioning keeps its deployed image.')
param gatewayExists bool = false

@description('The gateway configuration (DESIGN.md §4), mounted as /config/gateway.yaml. Keep secrets out of it: reference them as \${NAME}.')
param gatewayConfig string = loadTextContent('gateway.yaml')

@secure()
@description('Optional OpenAI API key, exposed to the gateway as OPENAI_API_KEY.')
param openAiApiKey string = ''

@secure()
@description('Optional Anthropic API key, exposed to the gateway as ANTHROPIC_API_KEY.')
param anthropicApiKey string = ''

@allowed(['Balanced_B0', 'Balanced_B1', 'Balanced_B3', 'Balanced_B5', 'Balanced_B10'])
@description('Azure Managed Redis SKU for the shared session store.')
param redisSkuName string = 'Balanced_B0'

@minValue(2)
@description('Replicas that always run. More than one needs the shared Redis, which this template provides.')
param gatewayMinReplicas int = 2

@minValue(2)
param gatewayMaxReplicas int = 10

@minValue(10)
@description('Concurrent HTTP requests per replica before Container Apps adds a replica.')
param gatewayConcurrentRequests int = 100

var tags = { 'azd-env-name': environmentName }
var token = toLower(uniqueString(subscription().id, environmentName, location))

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module resources 'resources.bicep' = {
  name: 'agentgateway-resources'
  scope: rg
  params: {
    location: location
    tags: tags
    token: token
    gatewayExists: gatewayExists
    gatewayConfig: gatewayConfig
    openAiApiKey: openAiApiKey
    anthropicApiKey: anthropicApiKey
    redisSkuName: redisSkuName
    gatewayMinReplicas: gatewayMinReplicas
    gatewayMaxReplicas: gatewayMaxReplicas
    gatewayConcurrentRequests: gatewayConcurrentRequests
  }
}

// azd reads these: the registry endpoint is where `azd deploy` pushes the gateway image.
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = resources.outputs.registryLoginServer
output AZURE_CONTAINER_REGISTRY_NAME string = resources.outputs.registryName
output AZURE_CONTAINER_APPS_ENVIRONMENT_NAME string = resources.outputs.environmentName
output AZURE_CONTAINER_APPS_ENVIRONMENT_DEFAULT_DOMAIN string = resources.outputs.environmentDefaultDomain
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = resources.outputs.identityClientId
output AZURE_LOG_ANALYTICS_WORKSPACE_NAME string = resources.outputs.logAnalyticsName
output AZURE_REDIS_NAME string = resources.outputs.redisName
output GATEWAY_URL string = resources.outputs.gatewayUrl
output ASPIRE_DASHBOARD_URL string = resources.outputs.dashboardUrl
