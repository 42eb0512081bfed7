// Everything inside the resource group. One module per concern under modules/.
param location string
param tags object
@description('Short unique suffix for globally unique names.')
param token string
param gatewayExists bool
param gatewayConfig string
@secure()
param openAiApiKey string
@secure()
param anthropicApiKey string
param redisSkuName string
param gatewayMinReplicas int
param gatewayMaxReplicas int
param gatewayConcurrentRequests int

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    name: 'log-${token}'
    location: location
    tags: tags
  }
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  params: {
    name: 'id-gateway-${token}'
    location: location
    tags: tags
  }
}

module registry 'modules/registry.bicep' = {
  name: 'registry'
  params: {
    name: 'cr${token}'
    location: location
    tags: tags
    pullPrincipalId: identity.outputs.principalId
  }
}

module environment 'modules/container-apps-environment.bicep' = {
  name: 'container-apps-environment'
  params: {
    name: 'cae-${token}'
    location: location
    tags: tags
    logAnalyticsName: monitoring.outputs.name
  }
}

module redis 'modules/redis.bicep' = {
  name: 'redis'
  params: {
    name: 'redis-${token}'
    location: location
    tags: tags
    skuName: redisSkuName
  }
}

module gatewayImage 'modules/container-app-image.bicep' = if (gatewayExists) {
  name: 'gateway-image'
  params: {
    name: 'ca-gateway-${token}'
  }
}

module gateway 'modules/gateway-app.bicep' = {
  name: 'gateway-app'
  // Using registry.outputs orders the app after the whole registry module, AcrPull assignment
  // included; without that the first image pull would fail.
  params: {
    name: 'ca-gateway-${token}'
    location: location
    tags: tags
    environmentId: environment.outputs.id
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    registryLoginServer: registry.outputs.loginServer
    image: gatewayExists ? gatewayImage!.outputs.image : ''
    redisName: redis.outputs.name
    redisDatabaseName: redis.outputs.databaseName
    gatewayConfig: gatewayConfig
    openAiApiKey: openAiApiKey
    anthropicApiKey: anthropicApiKey
    minReplicas: gatewayMinReplicas
    maxReplicas: gatewayMaxReplicas
    concurrentRequests: gatewayConcurrentRequests
  }
}

output registryLoginServer string = registry.outputs.loginServer
output registryName string = registry.outputs.name
output environmentName string = environment.outputs.name
output environmentDefaultDomain string = environment.outputs.defaultDomain
output identityClientId string = identity.outputs.clientId
output logAnalyticsName string = monitoring.outputs.name
output redisName string = redis.outputs.name
output gatewayUrl string = gateway.outputs.url
output dashboardUrl string = environment.outputs.dashboardUrl
